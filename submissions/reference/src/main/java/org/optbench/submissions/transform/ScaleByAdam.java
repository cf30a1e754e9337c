package org.optbench.submissions.transform;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.ParameterType;
import org.optbench.api.Params;

/**
 * Adam's rescaling of the gradient, with PyTorch's placement of epsilon (Kingma and Ba, "Adam", ICLR 2015;
 * PyTorch {@code torch/optim/adamw.py}). At step {@code t = 1, 2, ...}, elementwise:
 * <pre>
 *   m &lt;- b1 m + (1 - b1) g
 *   v &lt;- b2 v + (1 - b2) g^2
 *   bc1 = 1 - b1^t,  bc2 = 1 - b2^t
 *   m~ = m                          (Adam)
 *   m~ = b1 m + (1 - b1) g          (Nesterov: AlgoPerf's NAdamW, same bc1, no momentum schedule)
 *   out = (m~ / bc1) / (sqrt(v) / sqrt(bc2) + eps)
 * </pre>
 * Epsilon is added to the bias-corrected {@code sqrt(v)}, outside the root. The learning rate is a later link.
 * The NAdamW form is the one of AlgoPerf's baseline, {@code algorithms/baselines/external_tuning/
 * pytorch_nadamw_full_budget.py} and {@code jax_nadamw_full_budget.py} ({@code scale_by_nadam}).
 *
 * <p>With {@code b1 = 0} there is no first moment and no buffer for it: {@code m = g}, {@code bc1 = 1}, so
 * {@code out = g / (sqrt(v) / sqrt(bc2) + eps)}, an RMSProp step with bias correction (Schedule-Free AdamW's inner
 * step).
 *
 * <p>Float64 parameters are updated in double arithmetic; float32 parameters in float arithmetic (as PyTorch's
 * float32 AdamW), chunk by chunk through heap arrays so that the loop vectorizes; the constant divisions by
 * {@code bc1} and {@code sqrt(bc2)} are multiplications by their reciprocals.
 *
 * <p>State: {@code m} and {@code v} shaped like the parameters, in their data type ({@code 2n} entries; {@code n}
 * when {@code b1 = 0}), and the step count. For float32 parameters they are Java arrays, which the chunked loops
 * read in place (a fused step then copies only the gradient and the parameters in and out of its chunks).
 */
public final class ScaleByAdam implements ElementwiseLink {
    private final double b1;
    private final double b2;
    private final double eps;
    private final boolean nesterov;

    /**
     * @param b1 the first-moment decay, in [0, 1)
     * @param b2 the second-moment decay, in [0, 1)
     * @param eps added to the denominator, at least 0
     * @param nesterov whether to use the Nesterov look-ahead of the first moment (NAdamW)
     */
    public ScaleByAdam(double b1, double b2, double eps, boolean nesterov) {
        if (!(b1 >= 0 && b1 < 1) || !(b2 >= 0 && b2 < 1) || !(eps >= 0)) {
            throw new IllegalArgumentException("need 0 <= b1, b2 < 1 and eps >= 0, got b1=" + b1 + " b2=" + b2
                    + " eps=" + eps);
        }
        this.b1 = b1;
        this.b2 = b2;
        this.eps = eps;
        this.nesterov = nesterov;
    }

    /** The moments and the step count of one {@link ScaleByAdam}. */
    public static final class State implements TransformState {
        private final Params mu;
        private final Params nu;
        /**
         * For float32 parameters the moments live on the heap, one array per {@link Elements#CHUNK} entries of each
         * tensor ({@code [tensor][chunk]}), which the chunked loops read in place at the chunk's own index.
         */
        private final float[][][] muHeap;
        private final float[][][] nuHeap;
        /** The parameters' layout, to show the heap moments as tensors ({@link #mu()}, {@link #nu()}). */
        private final Params layout;
        private long count;
        /** This step's {@code 1 / bc1} and {@code 1 / sqrt(bc2)}, set by {@link #begin}. */
        private double invBc1;
        private double invSqrtBc2;

        private State(Params mu, Params nu, float[][][] muHeap, float[][][] nuHeap, Params layout) {
            this.mu = mu;
            this.nu = nu;
            this.muHeap = muHeap;
            this.nuHeap = nuHeap;
            this.layout = layout;
        }

        /**
         * The first moment {@code m} shaped like the parameters, or {@code null} when {@code b1 = 0}. For float32
         * parameters a copy of the heap arrays the steps update.
         */
        public Params mu() {
            return muHeap == null ? mu : tensors(muHeap);
        }

        /** The second moment {@code v}, as {@link #mu()}. */
        public Params nu() {
            return nuHeap == null ? nu : tensors(nuHeap);
        }

        private Params tensors(float[][][] heap) {
            Params copy = layout.zerosLike();
            for (int p = 0; p < copy.size(); p++) {
                float[] flat = new float[(int) copy.value(p).length()];
                for (int c = 0; c < heap[p].length; c++) {
                    System.arraycopy(heap[p][c], 0, flat, c * Elements.CHUNK, heap[p][c].length);
                }
                copy.value(p).assign(Nd4j.createFromArray(flat).reshape(copy.value(p).shape()));
            }
            return copy;
        }

        /** The number of updates done. */
        public long count() {
            return count;
        }

        /** The bytes of {@code m} and {@code v} (the step counter is not counted). */
        @Override
        public long stateBytes() {
            return nuHeap != null ? 4L * (entries(muHeap) + entries(nuHeap))
                    : Elements.bytes(mu) + Elements.bytes(nu);
        }

        private static long entries(float[][][] heap) {
            long n = 0;
            if (heap != null) {
                for (float[][] tensor : heap) {
                    for (float[] chunk : tensor) {
                        n += chunk.length;
                    }
                }
            }
            return n;
        }
    }

    /**
     * Zero moments: on the heap for float32 parameters (the chunked loops then read them in place, with no copy in
     * or out), as ND4J tensors otherwise.
     */
    @Override
    public State init(Params params) {
        if (!Elements.allFloat(params)) {
            return new State(b1 == 0 ? null : params.zerosLike(), params.zerosLike(), null, null, null);
        }
        float[][][] m = b1 == 0 ? null : new float[params.size()][][];
        float[][][] v = new float[params.size()][][];
        for (int p = 0; p < params.size(); p++) {
            if (m != null) {
                m[p] = chunks(params.value(p).length());
            }
            v[p] = chunks(params.value(p).length());
        }
        return new State(null, null, m, v, params);
    }

    /** Zero arrays of {@link Elements#CHUNK} entries for a tensor of {@code n}, the last one shorter. */
    private static float[][] chunks(long n) {
        int count = Math.toIntExact((n + Elements.CHUNK - 1) / Elements.CHUNK);
        float[][] out = new float[count][];
        for (int c = 0; c < count; c++) {
            out[c] = new float[(int) Math.min(Elements.CHUNK, n - (long) c * Elements.CHUNK)];
        }
        return out;
    }

    @Override
    public void update(Params updates, TransformState state, Params params) {
        State s = (State) state;
        begin(s);
        for (int p = 0; p < updates.size(); p++) {
            INDArray u = updates.value(p);
            if (s.nuHeap != null) {
                updateFloat(u, s.muHeap == null ? null : s.muHeap[p], s.nuHeap[p], s.invBc1, s.invSqrtBc2);
            } else {
                updateDouble(u, s.mu == null ? null : s.mu.value(p), s.nu.value(p), s.invBc1, s.invSqrtBc2);
            }
        }
    }

    /** Counts the update and sets its bias corrections. */
    private void begin(State s) {
        s.count++;
        // reciprocals, so that the loop divides once per element (the same formula up to rounding)
        s.invBc1 = 1 / (1 - Math.pow(b1, s.count));
        s.invSqrtBc2 = 1 / Math.sqrt(1 - Math.pow(b2, s.count));
    }

    @Override
    public void beginFloat(TransformState state) {
        begin((State) state);
    }

    @Override
    public void chunkFloat(TransformState state, int index, ParameterType type, int start, int len, float[] u,
                           float[] x) {
        State s = (State) state;
        int c = start / Elements.CHUNK; // the fused pass walks the same chunks from 0
        chunk(u, s.muHeap == null ? null : s.muHeap[index][c], s.nuHeap[index][c], len, (float) s.invBc1,
                (float) s.invSqrtBc2);
    }

    private void updateDouble(INDArray uArr, INDArray mArr, INDArray vArr, double invBc1, double invSqrtBc2) {
        DoubleBuffer u = Elements.doubles(uArr);
        DoubleBuffer v = Elements.doubles(vArr);
        int uo = (int) uArr.offset();
        int vo = (int) vArr.offset();
        int n = (int) uArr.length();
        if (mArr == null) {
            for (int i = 0; i < n; i++) {
                double g = u.get(uo + i);
                double vi = b2 * v.get(vo + i) + (1 - b2) * g * g;
                v.put(vo + i, vi);
                u.put(uo + i, g / (Math.sqrt(vi) * invSqrtBc2 + eps));
            }
            return;
        }
        DoubleBuffer m = Elements.doubles(mArr);
        int mo = (int) mArr.offset();
        for (int i = 0; i < n; i++) {
            double g = u.get(uo + i);
            double mi = b1 * m.get(mo + i) + (1 - b1) * g;
            double vi = b2 * v.get(vo + i) + (1 - b2) * g * g;
            m.put(mo + i, mi);
            v.put(vo + i, vi);
            double mt = nesterov ? b1 * mi + (1 - b1) * g : mi;
            u.put(uo + i, (mt * invBc1) / (Math.sqrt(vi) * invSqrtBc2 + eps));
        }
    }

    /**
     * The float path copies the updates chunk by chunk into this thread's scratch array ({@link Elements#scratch()})
     * and reads the heap moments in place: plain float loops the JIT can vectorize, in float arithmetic as PyTorch's
     * float32 AdamW. Same equations as the double path.
     */
    private void updateFloat(INDArray uArr, float[][] m, float[][] v, double invBc1, double invSqrtBc2) {
        FloatBuffer u = Elements.floats(uArr);
        int uo = (int) uArr.offset();
        int n = (int) uArr.length();
        float[] gc = Elements.scratch()[0];
        float invBc1f = (float) invBc1;
        float invSqrtBc2f = (float) invSqrtBc2;
        for (int start = 0; start < n; start += Elements.CHUNK) {
            int len = Math.min(Elements.CHUNK, n - start);
            u.get(uo + start, gc, 0, len);
            int c = start / Elements.CHUNK;
            chunk(gc, m == null ? null : m[c], v[c], len, invBc1f, invSqrtBc2f);
            u.put(uo + start, gc, 0, len);
        }
    }

    /**
     * The float kernel on one chunk: {@code gc} the incoming updates (then the output), {@code mc} the chunk's first
     * moment (null when {@code b1 = 0}), {@code vc} its second. Every array is read at the same index, which lets
     * C2 vectorize the loop (an offset into one of them would not).
     */
    private void chunk(float[] gc, float[] mc, float[] vc, int len, float invBc1f, float invSqrtBc2f) {
        float b1f = (float) b1;
        float oneMinusB1 = (float) (1 - b1);
        float b2f = (float) b2;
        float oneMinusB2 = (float) (1 - b2);
        // m~ = keepM * m + addG * g: (1, 0) for Adam, (b1, 1 - b1) for Nesterov
        float keepM = nesterov ? b1f : 1f;
        float addG = nesterov ? oneMinusB1 : 0f;
        float epsf = (float) eps;
        if (mc == null) {
            for (int i = 0; i < len; i++) {
                float g = gc[i];
                float vi = b2f * vc[i] + oneMinusB2 * g * g;
                vc[i] = vi;
                gc[i] = g / ((float) Math.sqrt(vi) * invSqrtBc2f + epsf);
            }
        } else {
            for (int i = 0; i < len; i++) {
                float g = gc[i];
                float mi = b1f * mc[i] + oneMinusB1 * g;
                float vi = b2f * vc[i] + oneMinusB2 * g * g;
                mc[i] = mi;
                vc[i] = vi;
                gc[i] = ((keepM * mi + addG * g) * invBc1f) / ((float) Math.sqrt(vi) * invSqrtBc2f + epsf);
            }
        }
    }
}
