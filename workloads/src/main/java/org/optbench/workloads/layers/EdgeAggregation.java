package org.optbench.workloads.layers;

import java.nio.FloatBuffer;
import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The message and aggregation step of a GINE-style graph convolution (Hu et al. 2020) over a batch of graphs
 * stored as one disjoint union: for each directed edge {@code k} from {@code senders[k]} to {@code receivers[k]},
 * the message is {@code m_k = relu(h[senders[k]] + e_k)} with {@code e} the edge embedding, and each node sums
 * its incoming messages, scaled per receiver: {@code agg[v] = scale[v] sum_{k: receivers[k] = v} m_k} (scale 1
 * for sum aggregation, {@code 1 / in-degree} for mean). Edges with sender {@code -1} are padding and skipped.
 *
 * <p>Backward: {@code dm_k = scale[r_k] dagg[r_k] * [m_k > 0]}, {@code de_k = dm_k},
 * {@code dh[s_k] += dm_k}. Gather and scatter are Java loops over the arrays: {@code O(edges x dim)}; in FLOAT
 * over heap copies of the operands ({@link Scratch}), four bulk copies in and out instead of an NIO access per
 * element.
 */
public final class EdgeAggregation {
    private EdgeAggregation() {
    }

    /**
     * Writes messages into {@code messages [E, dim]} and the aggregate into {@code aggregate [N, dim]} (zeroed
     * first).
     */
    public static void forward(INDArray h, INDArray edgeEmbedding, int[] senders, int[] receivers, double[] scale,
                               INDArray messages, INDArray aggregate) {
        if (h.dataType() == DataType.FLOAT) {
            forwardFloat(h, edgeEmbedding, senders, receivers, scale, messages, aggregate);
            return;
        }
        int dim = (int) h.size(1);
        Values hv = Values.of(h);
        Values ev = Values.of(edgeEmbedding);
        Values mv = Values.of(messages);
        Values av = Values.of(aggregate);
        int nodeEntries = (int) aggregate.length();
        for (int i = 0; i < nodeEntries; i++) {
            av.set(i, 0);
        }
        for (int k = 0; k < senders.length; k++) {
            int s = senders[k];
            int m0 = k * dim;
            if (s < 0) {
                for (int d = 0; d < dim; d++) {
                    mv.set(m0 + d, 0);
                }
                continue;
            }
            int h0 = s * dim;
            int a0 = receivers[k] * dim;
            double c = scale[receivers[k]];
            for (int d = 0; d < dim; d++) {
                double m = hv.get(h0 + d) + ev.get(m0 + d);
                m = m > 0 ? m : 0;
                mv.set(m0 + d, m);
                av.add(a0 + d, c * m);
            }
        }
    }

    /**
     * From {@code gradAggregate [N, dim]}: adds into {@code gradH [N, dim]} and writes {@code gradEdgeEmbedding
     * [E, dim]} (zero on padding edges).
     */
    public static void backward(INDArray gradAggregate, INDArray messages, int[] senders, int[] receivers,
                                double[] scale, INDArray gradH, INDArray gradEdgeEmbedding) {
        if (gradAggregate.dataType() == DataType.FLOAT) {
            backwardFloat(gradAggregate, messages, senders, receivers, scale, gradH, gradEdgeEmbedding);
            return;
        }
        int dim = (int) gradAggregate.size(1);
        Values ga = Values.of(gradAggregate);
        Values mv = Values.of(messages);
        Values gh = Values.of(gradH);
        Values ge = Values.of(gradEdgeEmbedding);
        for (int k = 0; k < senders.length; k++) {
            int s = senders[k];
            int m0 = k * dim;
            if (s < 0) {
                for (int d = 0; d < dim; d++) {
                    ge.set(m0 + d, 0);
                }
                continue;
            }
            int h0 = s * dim;
            int a0 = receivers[k] * dim;
            double c = scale[receivers[k]];
            for (int d = 0; d < dim; d++) {
                double g = mv.get(m0 + d) > 0 ? c * ga.get(a0 + d) : 0;
                ge.set(m0 + d, g);
                gh.add(h0 + d, g);
            }
        }
    }

    private static void forwardFloat(INDArray h, INDArray edgeEmbedding, int[] senders, int[] receivers,
                                     double[] scale, INDArray messages, INDArray aggregate) {
        int dim = (int) h.size(1);
        int nodeEntries = (int) aggregate.length();
        int edgeEntries = senders.length * dim;
        float[] hv = Scratch.floats(0, nodeEntries);
        float[] mv = Scratch.floats(1, edgeEntries);
        float[] av = Scratch.floats(2, nodeEntries);
        h.data().asNioFloat().get((int) h.offset(), hv, 0, nodeEntries);
        edgeEmbedding.data().asNioFloat().get((int) edgeEmbedding.offset(), mv, 0, edgeEntries);
        Arrays.fill(av, 0, nodeEntries, 0f);
        for (int k = 0; k < senders.length; k++) {
            int s = senders[k];
            int m0 = k * dim;
            if (s < 0) {
                Arrays.fill(mv, m0, m0 + dim, 0f);
                continue;
            }
            int h0 = s * dim;
            int a0 = receivers[k] * dim;
            float c = (float) scale[receivers[k]];
            for (int d = 0; d < dim; d++) {
                float m = Math.max(hv[h0 + d] + mv[m0 + d], 0f); // branch-free ReLU, as Activation.RELU
                mv[m0 + d] = m;
                av[a0 + d] += c * m;
            }
        }
        messages.data().asNioFloat().put((int) messages.offset(), mv, 0, edgeEntries);
        aggregate.data().asNioFloat().put((int) aggregate.offset(), av, 0, nodeEntries);
    }

    private static void backwardFloat(INDArray gradAggregate, INDArray messages, int[] senders, int[] receivers,
                                      double[] scale, INDArray gradH, INDArray gradEdgeEmbedding) {
        int dim = (int) gradAggregate.size(1);
        int nodeEntries = (int) gradAggregate.length();
        int edgeEntries = senders.length * dim;
        float[] ga = Scratch.floats(0, nodeEntries);
        float[] mv = Scratch.floats(1, edgeEntries);
        float[] gh = Scratch.floats(2, nodeEntries);
        gradAggregate.data().asNioFloat().get((int) gradAggregate.offset(), ga, 0, nodeEntries);
        messages.data().asNioFloat().get((int) messages.offset(), mv, 0, edgeEntries);
        FloatBuffer ghb = gradH.data().asNioFloat();
        ghb.get((int) gradH.offset(), gh, 0, nodeEntries);
        // mv turns into dL/de in place: each entry is read once, before it is overwritten.
        for (int k = 0; k < senders.length; k++) {
            int s = senders[k];
            int m0 = k * dim;
            if (s < 0) {
                Arrays.fill(mv, m0, m0 + dim, 0f);
                continue;
            }
            int h0 = s * dim;
            int a0 = receivers[k] * dim;
            float c = (float) scale[receivers[k]];
            for (int d = 0; d < dim; d++) {
                // c * ga where the message is positive (its bits are then a positive int), else +0; no branch.
                int mask = -Float.floatToRawIntBits(mv[m0 + d]) >> 31;
                float g = Float.intBitsToFloat(Float.floatToRawIntBits(c * ga[a0 + d]) & mask);
                mv[m0 + d] = g;
                gh[h0 + d] += g;
            }
        }
        gradEdgeEmbedding.data().asNioFloat().put((int) gradEdgeEmbedding.offset(), mv, 0, edgeEntries);
        ghb.put((int) gradH.offset(), gh, 0, nodeEntries);
    }
}
