package org.optbench.submissions.precondition;

import java.nio.FloatBuffer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.optbench.api.Params;
import org.optbench.submissions.transform.Elements;
import org.optbench.submissions.transform.GradientTransformation;
import org.optbench.submissions.transform.TransformState;

/**
 * Steps 3–7 of Google {@code distributed_shampoo} (see {@code OPTIMIZERS.md} 4b) around a
 * {@link ShampooPreconditioner}: RMSProp-normalised grafting, coupled weight decay, two momentum buffers and
 * Nesterov. Its output is the direction {@code u}; the learning-rate link after it gives {@code x ← x − lr_t·u}
 * (decoupled learning rate). One link rather than a chain of generic ones, because the momentum of the Shampoo
 * direction and the momentum of the graft are both kept every step and one of them is chosen afterwards.
 *
 * <pre>
 *   ĝ = g/(‖g‖ + 1e−25);  D ← β2·D + (1−β2)·ĝ⊙ĝ;  graft = ĝ/(√D + ε_d)            (norms over the whole tensor)
 *   shampoo = P(g)·‖graft‖/(‖P(g)‖ + 1e−25)    (graft for tensors that are not preconditioned)
 *   s = shampoo + λx;  r = graft + λx;  w = 1−β1
 *   mom ← β1·mom + w·s;  dmom ← β1·dmom + w·r
 *   (m, v) = c ≥ start_preconditioning_step ? (mom, s) : (dmom, r)        (c the 0-based step)
 *   u = w·v + β1·m  (Nesterov)   or   u = m
 * </pre>
 */
public final class ShampooDirection implements GradientTransformation {
    private static final double NORM_FLOOR = 1e-25;

    private final ShampooPreconditioner preconditioner;
    private final double beta1;
    private final double beta2;
    private final double diagonalEpsilon;
    private final double weightDecay;
    private final long startPreconditioningStep;
    private final boolean nesterov;

    /**
     * @param preconditioner the Shampoo preconditioner (its β2 should equal {@code beta2})
     * @param beta1 momentum factor β1 in [0, 1)
     * @param beta2 the graft's EMA factor
     * @param diagonalEpsilon ε_d of the graft
     * @param weightDecay λ, coupled (added before momentum)
     * @param startPreconditioningStep first 0-based step that uses the Shampoo direction
     * @param nesterov whether to use Nesterov momentum
     */
    public ShampooDirection(ShampooPreconditioner preconditioner, double beta1, double beta2, double diagonalEpsilon,
            double weightDecay, long startPreconditioningStep, boolean nesterov) {
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
        }
        this.preconditioner = preconditioner;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.diagonalEpsilon = diagonalEpsilon;
        this.weightDecay = weightDecay;
        this.startPreconditioningStep = startPreconditioningStep;
        this.nesterov = nesterov;
    }

    /** The preconditioner's state, the graft's second moment, both momenta and the step counter. */
    public static final class State implements TransformState {
        private final ShampooPreconditioner.State preconditioner;
        private final Params graftMoment;
        private final Params shampooMomentum;
        private final Params graftMomentum;
        private final Params direction;
        private final float[][] chunks = new float[8][Elements.CHUNK];
        private long count;

        State(ShampooPreconditioner.State preconditioner, Params params) {
            this.preconditioner = preconditioner;
            this.graftMoment = params.zerosLike();
            this.shampooMomentum = params.zerosLike();
            this.graftMomentum = params.zerosLike();
            this.direction = params.zerosLike();
        }

        /** The preconditioner's state. */
        public ShampooPreconditioner.State preconditioner() {
            return preconditioner;
        }

        /** Statistics and roots, plus the graft moment and two momenta (the direction scratch is not counted). */
        @Override
        public long stateBytes() {
            long width = graftMoment.dataType().width();
            return preconditioner.stateBytes() + 3 * graftMoment.numElements() * width;
        }
    }

    @Override
    public State init(Params params) {
        return new State(preconditioner.init(params), params);
    }

    @Override
    public void update(Params updates, TransformState state, Params params) {
        State s = (State) state;
        for (int i = 0; i < updates.size(); i++) {
            Elements.copy(updates.value(i), s.direction.value(i));
        }
        preconditioner.update(s.direction, s.preconditioner, params);
        boolean run = s.count >= startPreconditioningStep;
        for (int i = 0; i < updates.size(); i++) {
            INDArray g = updates.value(i);
            boolean preconditioned = s.preconditioner.preconditioned(i);
            if (Elements.isDouble(g)) {
                updateDouble(s, i, g, preconditioned, run, params.value(i));
            } else {
                updateFloat(s, i, g, preconditioned, run, params.value(i));
            }
        }
        s.count++;
    }

    private void updateDouble(State s, int i, INDArray gArr, boolean preconditioned, boolean run, INDArray xArr) {
        double w = 1.0 - beta1;
        TensorBuffer g = TensorBuffer.of(gArr);
        TensorBuffer pg = TensorBuffer.of(s.direction.value(i));
        TensorBuffer x = TensorBuffer.of(xArr);
        TensorBuffer d = TensorBuffer.of(s.graftMoment.value(i));
        TensorBuffer mom = TensorBuffer.of(s.shampooMomentum.value(i));
        TensorBuffer dmom = TensorBuffer.of(s.graftMomentum.value(i));
        int n = g.length();
        double inverseNorm = 1.0 / (g.norm() + NORM_FLOOR);
        double graftSquares = 0;
        for (int j = 0; j < n; j++) {
            double gHat = g.get(j) * inverseNorm;
            double dj = beta2 * d.get(j) + (1 - beta2) * gHat * gHat;
            d.set(j, dj);
            double graft = gHat / (Math.sqrt(dj) + diagonalEpsilon);
            g.set(j, graft);
            graftSquares += graft * graft;
        }
        double multiplier = preconditioned ? Math.sqrt(graftSquares) / (pg.norm() + NORM_FLOOR) : 1.0;
        for (int j = 0; j < n; j++) {
            double graft = g.get(j);
            double shampoo = preconditioned ? pg.get(j) * multiplier : graft;
            double decay = weightDecay * x.get(j);
            double shampooWd = shampoo + decay;
            double graftWd = graft + decay;
            double m = beta1 * mom.get(j) + w * shampooWd;
            double dm = beta1 * dmom.get(j) + w * graftWd;
            mom.set(j, m);
            dmom.set(j, dm);
            double selectedMomentum = run ? m : dm;
            double selectedUpdate = run ? shampooWd : graftWd;
            g.set(j, nesterov ? w * selectedUpdate + beta1 * selectedMomentum : selectedMomentum);
        }
    }

    /**
     * The same equations in float arithmetic, chunk by chunk through heap arrays (as {@link Elements}) so that the
     * loops vectorize; sums of squares go to per-lane float accumulators added in double.
     */
    private void updateFloat(State s, int i, INDArray gArr, boolean preconditioned, boolean run, INDArray xArr) {
        INDArray pgArr = s.direction.value(i);
        INDArray dArr = s.graftMoment.value(i);
        INDArray momArr = s.shampooMomentum.value(i);
        INDArray dmomArr = s.graftMomentum.value(i);
        FloatBuffer g = Elements.floats(gArr);
        FloatBuffer pg = Elements.floats(pgArr);
        FloatBuffer x = Elements.floats(xArr);
        FloatBuffer d = Elements.floats(dArr);
        FloatBuffer mom = Elements.floats(momArr);
        FloatBuffer dmom = Elements.floats(dmomArr);
        int go = (int) gArr.offset();
        int po = (int) pgArr.offset();
        int xo = (int) xArr.offset();
        int dOff = (int) dArr.offset();
        int mo = (int) momArr.offset();
        int dmo = (int) dmomArr.offset();
        int n = (int) gArr.length();
        float[][] c = s.chunks;
        float[] gc = c[0];
        float[] dc = c[1];
        float[] pc = c[2];
        float[] xc = c[3];
        float[] mc = c[4];
        float[] dmc = c[5];
        float[] lanes = c[6];
        float[] lanes2 = c[7];
        java.util.Arrays.fill(lanes, 0f);
        java.util.Arrays.fill(lanes2, 0f);
        for (int start = 0; start < n; start += Elements.CHUNK) {
            int len = Math.min(Elements.CHUNK, n - start);
            g.get(go + start, gc, 0, len);
            pg.get(po + start, pc, 0, len);
            for (int k = 0; k < len; k++) {
                lanes[k] += gc[k] * gc[k];
                lanes2[k] += pc[k] * pc[k];
            }
        }
        double gradientSquares = 0;
        double directionSquares = 0;
        for (int k = 0; k < Elements.CHUNK; k++) {
            gradientSquares += lanes[k];
            directionSquares += lanes2[k];
        }
        float inverseNorm = (float) (1.0 / (Math.sqrt(gradientSquares) + NORM_FLOOR));
        float b2 = (float) beta2;
        float omb2 = (float) (1 - beta2);
        float epsD = (float) diagonalEpsilon;
        java.util.Arrays.fill(lanes, 0f);
        for (int start = 0; start < n; start += Elements.CHUNK) {
            int len = Math.min(Elements.CHUNK, n - start);
            g.get(go + start, gc, 0, len);
            d.get(dOff + start, dc, 0, len);
            for (int k = 0; k < len; k++) {
                float gHat = gc[k] * inverseNorm;
                float dk = b2 * dc[k] + omb2 * gHat * gHat;
                dc[k] = dk;
                float graft = gHat / ((float) Math.sqrt(dk) + epsD);
                gc[k] = graft;
                lanes[k] += graft * graft;
            }
            d.put(dOff + start, dc, 0, len);
            g.put(go + start, gc, 0, len);
        }
        double graftSquares = 0;
        for (int k = 0; k < Elements.CHUNK; k++) {
            graftSquares += lanes[k];
        }
        // shampoo = pg·multiplier, or the graft itself (pg·0 + graft·1) for tensors that are not preconditioned
        float multiplier = preconditioned
                ? (float) (Math.sqrt(graftSquares) / (Math.sqrt(directionSquares) + NORM_FLOOR)) : 0f;
        float graftShare = preconditioned ? 0f : 1f;
        float b1 = (float) beta1;
        float w = (float) (1 - beta1);
        float lambda = (float) weightDecay;
        // u = keepUpdate·(selected + decay) + keepMomentum·(selected momentum)
        float keepUpdate = nesterov ? w : 0f;
        float keepMomentum = nesterov ? b1 : 1f;
        for (int start = 0; start < n; start += Elements.CHUNK) {
            int len = Math.min(Elements.CHUNK, n - start);
            g.get(go + start, gc, 0, len);
            pg.get(po + start, pc, 0, len);
            x.get(xo + start, xc, 0, len);
            mom.get(mo + start, mc, 0, len);
            dmom.get(dmo + start, dmc, 0, len);
            for (int k = 0; k < len; k++) {
                float decay = lambda * xc[k];
                float shampooWd = pc[k] * multiplier + gc[k] * graftShare + decay;
                float graftWd = gc[k] + decay;
                float m = b1 * mc[k] + w * shampooWd;
                float dm = b1 * dmc[k] + w * graftWd;
                mc[k] = m;
                dmc[k] = dm;
                pc[k] = run ? keepUpdate * shampooWd + keepMomentum * m : keepUpdate * graftWd + keepMomentum * dm;
            }
            mom.put(mo + start, mc, 0, len);
            dmom.put(dmo + start, dmc, 0, len);
            g.put(go + start, pc, 0, len);
        }
    }
}
