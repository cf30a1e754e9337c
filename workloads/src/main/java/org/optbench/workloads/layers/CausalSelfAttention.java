package org.optbench.workloads.layers;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Causal multi-head self-attention over {@code batch} sequences of {@code length} positions, from a fused
 * projection {@code qkv [batch * length, 3 d]} (columns: queries, keys, values, each {@code heads} blocks of
 * {@code d / heads}) to the heads' concatenated outputs {@code [batch * length, d]}. Per sequence and head:
 * <pre>
 *   S = scale Q K^T,  P = softmax over j <= t of S[t, j] (0 for j > t),  C = P V
 * </pre>
 * Backward: {@code dP = dC V^T}, {@code dV = P^T dC}, {@code dS = P * (dP - rowsum(dP * P))},
 * {@code dQ = scale dS K}, {@code dK = scale dS^T Q}. The output projection is a separate {@link Dense}.
 *
 * <p>Holds its buffers (per-head {@code Q, K, V, C [length, d/heads]} and {@code P [length, length]} for each
 * sequence and head, with their gradients) and the forward state that the backward pass reads: one instance per
 * layer. The products are {@code Nd4j.gemm} calls on contiguous views made once here; the head split, the mask and
 * the softmax are Java loops. Not thread-safe.
 */
public final class CausalSelfAttention implements AutoCloseable {
    private final int batch;
    private final int length;
    private final int width;
    private final int heads;
    private final int headWidth;
    private final double scale;
    private final INDArray q;
    private final INDArray k;
    private final INDArray v;
    private final INDArray c;
    private final INDArray p;
    private final INDArray dq;
    private final INDArray dk;
    private final INDArray dv;
    private final INDArray dc;
    private final INDArray dp;
    private final INDArray[] qs;
    private final INDArray[] ks;
    private final INDArray[] vs;
    private final INDArray[] cs;
    private final INDArray[] ps;
    private final INDArray[] dqs;
    private final INDArray[] dks;
    private final INDArray[] dvs;
    private final INDArray[] dcs;
    private final INDArray[] dps;

    /**
     * Buffers for {@code batch} sequences of {@code length} positions, model width {@code width} split into
     * {@code heads} heads; scores scaled by {@code scale} (usually {@code 1 / sqrt(width / heads)}).
     */
    public CausalSelfAttention(int batch, int length, int width, int heads, double scale, DataType dataType) {
        if (width % heads != 0) {
            throw new IllegalArgumentException("width " + width + " is not divisible by " + heads + " heads");
        }
        this.batch = batch;
        this.length = length;
        this.width = width;
        this.heads = heads;
        this.headWidth = width / heads;
        this.scale = scale;
        int blocks = batch * heads;
        q = Nd4j.zeros(dataType, (long) blocks * length * headWidth);
        k = Nd4j.zeros(dataType, (long) blocks * length * headWidth);
        v = Nd4j.zeros(dataType, (long) blocks * length * headWidth);
        c = Nd4j.zeros(dataType, (long) blocks * length * headWidth);
        dq = Nd4j.zeros(dataType, (long) blocks * length * headWidth);
        dk = Nd4j.zeros(dataType, (long) blocks * length * headWidth);
        dv = Nd4j.zeros(dataType, (long) blocks * length * headWidth);
        dc = Nd4j.zeros(dataType, (long) blocks * length * headWidth);
        p = Nd4j.zeros(dataType, (long) blocks * length * length);
        dp = Nd4j.zeros(dataType, (long) blocks * length * length);
        qs = views(q, blocks, length, headWidth);
        ks = views(k, blocks, length, headWidth);
        vs = views(v, blocks, length, headWidth);
        cs = views(c, blocks, length, headWidth);
        dqs = views(dq, blocks, length, headWidth);
        dks = views(dk, blocks, length, headWidth);
        dvs = views(dv, blocks, length, headWidth);
        dcs = views(dc, blocks, length, headWidth);
        ps = views(p, blocks, length, length);
        dps = views(dp, blocks, length, length);
    }

    private static INDArray[] views(INDArray flat, int blocks, int rows, int cols) {
        INDArray[] out = new INDArray[blocks];
        long size = (long) rows * cols;
        for (int i = 0; i < blocks; i++) {
            out[i] = flat.get(NDArrayIndex.interval(i * size, (i + 1) * size)).reshape('c', rows, cols);
        }
        return out;
    }

    /** Reads {@code qkv [batch * length, 3 width]}, writes {@code out [batch * length, width]}. */
    public void forward(INDArray qkv, INDArray out) {
        FlatArray in = FlatArray.of(qkv);
        FlatArray fq = FlatArray.of(q);
        FlatArray fk = FlatArray.of(k);
        FlatArray fv = FlatArray.of(v);
        splitHeads(in, 0, fq);
        splitHeads(in, width, fk);
        splitHeads(in, 2 * width, fv);
        int blocks = batch * heads;
        for (int i = 0; i < blocks; i++) {
            Nd4j.gemm(qs[i], ks[i], ps[i], false, true, scale, 0.0);
        }
        maskedSoftmax(FlatArray.of(p), blocks);
        for (int i = 0; i < blocks; i++) {
            Nd4j.gemm(ps[i], vs[i], cs[i], false, false, 1.0, 0.0);
        }
        mergeHeads(FlatArray.of(c), FlatArray.of(out), 0, width);
    }

    /** From {@code dL/dout [batch * length, width]}, writes {@code dL/dqkv [batch * length, 3 width]}. */
    public void backward(INDArray gradOut, INDArray gradQkv) {
        splitHeads(FlatArray.of(gradOut), 0, width, FlatArray.of(dc));
        int blocks = batch * heads;
        for (int i = 0; i < blocks; i++) {
            Nd4j.gemm(dcs[i], vs[i], dps[i], false, true, 1.0, 0.0);
            Nd4j.gemm(ps[i], dcs[i], dvs[i], true, false, 1.0, 0.0);
        }
        softmaxBackward(FlatArray.of(p), FlatArray.of(dp), blocks);
        for (int i = 0; i < blocks; i++) {
            Nd4j.gemm(dps[i], ks[i], dqs[i], false, false, scale, 0.0);
            Nd4j.gemm(dps[i], qs[i], dks[i], true, false, scale, 0.0);
        }
        FlatArray g = FlatArray.of(gradQkv);
        mergeHeads(FlatArray.of(dq), g, 0, 3 * width);
        mergeHeads(FlatArray.of(dk), g, width, 3 * width);
        mergeHeads(FlatArray.of(dv), g, 2 * width, 3 * width);
    }

    private void splitHeads(FlatArray src, int column, FlatArray dst) {
        splitHeads(src, column, 3 * width, dst);
    }

    /** {@code dst[(b, h), t, j] = src[b * length + t, column + h * headWidth + j]} for rows of {@code rowWidth}. */
    private void splitHeads(FlatArray src, int column, int rowWidth, FlatArray dst) {
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < length; t++) {
                int row = (b * length + t) * rowWidth + column;
                for (int h = 0; h < heads; h++) {
                    int to = ((b * heads + h) * length + t) * headWidth;
                    int from = row + h * headWidth;
                    for (int j = 0; j < headWidth; j++) {
                        dst.set(to + j, src.get(from + j));
                    }
                }
            }
        }
    }

    /** The inverse of {@link #splitHeads}: writes the heads into columns {@code column..} of rows of {@code rowWidth}. */
    private void mergeHeads(FlatArray src, FlatArray dst, int column, int rowWidth) {
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < length; t++) {
                int row = (b * length + t) * rowWidth + column;
                for (int h = 0; h < heads; h++) {
                    int from = ((b * heads + h) * length + t) * headWidth;
                    int to = row + h * headWidth;
                    for (int j = 0; j < headWidth; j++) {
                        dst.set(to + j, src.get(from + j));
                    }
                }
            }
        }
    }

    /** Row-wise softmax of the scores over {@code j <= t}, zero above the diagonal, in place. */
    private void maskedSoftmax(FlatArray s, int blocks) {
        for (int i = 0; i < blocks; i++) {
            for (int t = 0; t < length; t++) {
                int row = (i * length + t) * length;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j <= t; j++) {
                    max = Math.max(max, s.get(row + j));
                }
                double sum = 0;
                for (int j = 0; j <= t; j++) {
                    double e = Math.exp(s.get(row + j) - max);
                    s.set(row + j, e);
                    sum += e;
                }
                double inv = 1.0 / sum;
                for (int j = 0; j <= t; j++) {
                    s.set(row + j, s.get(row + j) * inv);
                }
                for (int j = t + 1; j < length; j++) {
                    s.set(row + j, 0.0);
                }
            }
        }
    }

    /** Turns {@code dP} into {@code dS = P * (dP - rowsum(dP * P))} in place; masked entries become 0. */
    private void softmaxBackward(FlatArray probs, FlatArray grad, int blocks) {
        for (int i = 0; i < blocks; i++) {
            for (int t = 0; t < length; t++) {
                int row = (i * length + t) * length;
                double dot = 0;
                for (int j = 0; j <= t; j++) {
                    dot += probs.get(row + j) * grad.get(row + j);
                }
                for (int j = 0; j <= t; j++) {
                    grad.set(row + j, probs.get(row + j) * (grad.get(row + j) - dot));
                }
                for (int j = t + 1; j < length; j++) {
                    grad.set(row + j, 0.0);
                }
            }
        }
    }

    @Override
    public void close() {
        for (INDArray a : new INDArray[] {q, k, v, c, p, dq, dk, dv, dc, dp}) {
            a.close();
        }
    }
}
