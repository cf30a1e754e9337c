package org.optbench.submissions.transform;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.nd4j.linalg.api.ndarray.INDArray;
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
 * when {@code b1 = 0}), and the step count.
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
        private long count;
        /** This step's {@code 1 / bc1} and {@code 1 / sqrt(bc2)}, set by {@link #begin}. */
        private double invBc1;
        private double invSqrtBc2;

        State(Params mu, Params nu) {
            this.mu = mu;
            this.nu = nu;
        }

        /** The first moment {@code m}, or {@code null} when {@code b1 = 0}. */
        public Params mu() {
            return mu;
        }

        /** The second moment {@code v}. */
        public Params nu() {
            return nu;
        }

        /** The number of updates done. */
        public long count() {
            return count;
        }

        /** The bytes of {@code m} and {@code v} (the step counter is not counted). */
        @Override
        public long stateBytes() {
            return Elements.bytes(mu) + Elements.bytes(nu);
        }
    }

    @Override
    public State init(Params params) {
        return new State(b1 == 0 ? null : params.zerosLike(), params.zerosLike());
    }

    @Override
    public void update(Params updates, TransformState state, Params params) {
        State s = (State) state;
        begin(s);
        for (int p = 0; p < updates.size(); p++) {
            INDArray u = updates.value(p);
            INDArray m = s.mu == null ? null : s.mu.value(p);
            INDArray v = s.nu.value(p);
            if (Elements.isDouble(u)) {
                updateDouble(u, m, v, s.invBc1, s.invSqrtBc2);
            } else {
                updateFloat(u, m, v, s.invBc1, s.invSqrtBc2);
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
        float[][] scratch = Elements.scratch();
        INDArray vArr = s.nu.value(index);
        FloatBuffer v = Elements.floats(vArr);
        int vo = (int) vArr.offset() + start;
        v.get(vo, scratch[1], 0, len);
        if (s.mu == null) {
            chunk(u, null, scratch[1], len, (float) s.invBc1, (float) s.invSqrtBc2);
        } else {
            INDArray mArr = s.mu.value(index);
            FloatBuffer m = Elements.floats(mArr);
            int mo = (int) mArr.offset() + start;
            m.get(mo, scratch[0], 0, len);
            chunk(u, scratch[0], scratch[1], len, (float) s.invBc1, (float) s.invSqrtBc2);
            m.put(mo, scratch[0], 0, len);
        }
        v.put(vo, scratch[1], 0, len);
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
     * The float path works on chunks copied into this thread's scratch arrays ({@link Elements#scratch()}): plain
     * float loops the JIT can vectorize, in float arithmetic as PyTorch's float32 AdamW. Same equations as the
     * double path.
     */
    private void updateFloat(INDArray uArr, INDArray mArr, INDArray vArr, double invBc1, double invSqrtBc2) {
        FloatBuffer u = Elements.floats(uArr);
        FloatBuffer v = Elements.floats(vArr);
        FloatBuffer m = mArr == null ? null : Elements.floats(mArr);
        int uo = (int) uArr.offset();
        int vo = (int) vArr.offset();
        int mo = mArr == null ? 0 : (int) mArr.offset();
        int n = (int) uArr.length();
        float[][] scratch = Elements.scratch();
        float[] gc = scratch[0];
        float[] mc = scratch[1];
        float[] vc = scratch[2];
        float invBc1f = (float) invBc1;
        float invSqrtBc2f = (float) invSqrtBc2;
        for (int start = 0; start < n; start += Elements.CHUNK) {
            int len = Math.min(Elements.CHUNK, n - start);
            u.get(uo + start, gc, 0, len);
            v.get(vo + start, vc, 0, len);
            if (m == null) {
                chunk(gc, null, vc, len, invBc1f, invSqrtBc2f);
            } else {
                m.get(mo + start, mc, 0, len);
                chunk(gc, mc, vc, len, invBc1f, invSqrtBc2f);
                m.put(mo + start, mc, 0, len);
            }
            v.put(vo + start, vc, 0, len);
            u.put(uo + start, gc, 0, len);
        }
    }

    /**
     * The float kernel on one chunk: {@code gc} the incoming updates (then the output), {@code mc} the first moment
     * (null when {@code b1 = 0}), {@code vc} the second.
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
