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
    /** Whether the transformation is a {@link Chain} (its state a {@link Chain.State}) or a single link. */
    private final boolean chained;

    private FusedChain(List<ElementwiseLink> links, boolean chained) {
        this.links = links;
        this.chained = chained;
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
        return new FusedChain(links.stream().map(ElementwiseLink.class::cast).toList(),
                transformation instanceof Chain);
    }

    /** Link {@code i}'s state within the transformation's. */
    private TransformState stateOf(TransformState state, int i) {
        return chained ? ((Chain.State) state).links().get(i) : state;
    }

    /** {@code params <- params + chain(gradients)}. */
    void step(Params params, Params gradients, TransformState state) {
        for (int i = 0; i < links.size(); i++) {
            links.get(i).beginFloat(stateOf(state, i));
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
                    links.get(i).chunkFloat(stateOf(state, i), p, type, start, len, uc, xc);
                }
                Elements.addScaledChunk(xc, uc, 1f, len);
                x.put(xo + start, xc, 0, len);
            }
        }
    }
}
