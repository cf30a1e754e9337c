package org.optbench.submissions.precondition;

import org.optbench.api.Params;
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
            s.direction.value(i).assign(updates.value(i));
        }
        preconditioner.update(s.direction, s.preconditioner, params);
        boolean run = s.count >= startPreconditioningStep;
        double w = 1.0 - beta1;
        for (int i = 0; i < updates.size(); i++) {
            TensorBuffer g = TensorBuffer.of(updates.value(i));
            TensorBuffer pg = TensorBuffer.of(s.direction.value(i));
            TensorBuffer x = TensorBuffer.of(params.value(i));
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
            boolean preconditioned = s.preconditioner.preconditioned(i);
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
        s.count++;
    }
}
