package org.optbench.submissions.transform;

import java.nio.FloatBuffer;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.optbench.api.Params;

/**
 * A step of an {@link Optimizer} whose links are all {@link ElementwiseLink}s, on float32 parameters, in one pass:
 * per chunk of {@link Elements#CHUNK} entries, the gradient and the parameters are read once, every link runs on
 * the chunk in order (reading and writing its own state buffers once), and the parameters are written once. The
 * update buffer is not touched: the chunk is the buffer. The same kernels as the links' own updates, in the same
 * order per entry: parameters and state are the unfused step's, bit for bit ({@code FusedChainTest}).
 */
final class FusedChain {
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(
            () -> new float[2][Elements.CHUNK]);

    private final List<ElementwiseLink> links;

    private FusedChain(List<ElementwiseLink> links) {
        this.links = links;
    }

    /** The fused form of {@code transformation}, or null when some link is not elementwise. */
    static FusedChain of(GradientTransformation transformation) {
        List<GradientTransformation> links = transformation instanceof Chain chain ? chain.links()
                : List.of(transformation);
        for (GradientTransformation link : links) {
            if (!(link instanceof ElementwiseLink)) {
                return null;
            }
        }
        return new FusedChain(links.stream().map(ElementwiseLink.class::cast).toList());
    }

    /** The states of the links, in order, from the transformation's state. */
    private List<TransformState> states(TransformState state) {
        return links.size() == 1 && !(state instanceof Chain.State) ? List.of(state)
                : ((Chain.State) state).links();
    }

    /** Whether every tensor is float32, the only type this path takes. */
    static boolean allFloat(Params params, Params gradients) {
        for (int p = 0; p < params.size(); p++) {
            if (Elements.isDouble(params.value(p)) || Elements.isDouble(gradients.value(p))) {
                return false;
            }
        }
        return true;
    }

    /** {@code params <- params + chain(gradients)}. */
    void step(Params params, Params gradients, TransformState state) {
        List<TransformState> states = states(state);
        for (int i = 0; i < links.size(); i++) {
            links.get(i).beginFloat(states.get(i));
        }
        float[][] scratch = SCRATCH.get();
        float[] uc = scratch[0];
        float[] xc = scratch[1];
        for (int p = 0; p < params.size(); p++) {
            INDArray xArr = params.value(p);
            INDArray gArr = gradients.value(p);
            if (gArr.length() != xArr.length()) {
                throw new IllegalArgumentException("gradient " + p + " has " + gArr.length() + " entries, its"
                        + " parameter " + xArr.length());
            }
            FloatBuffer x = Elements.floats(xArr);
            FloatBuffer g = Elements.floats(gArr);
            int xo = (int) xArr.offset();
            int go = (int) gArr.offset();
            int n = (int) xArr.length();
            var type = params.get(p).type();
            for (int start = 0; start < n; start += Elements.CHUNK) {
                int len = Math.min(Elements.CHUNK, n - start);
                g.get(go + start, uc, 0, len);
                x.get(xo + start, xc, 0, len);
                for (int i = 0; i < links.size(); i++) {
                    links.get(i).chunkFloat(states.get(i), p, type, start, len, uc, xc);
                }
                Elements.addScaledChunk(xc, uc, 1f, len);
                x.put(xo + start, xc, 0, len);
            }
        }
    }
}
