package org.optbench.submissions.transform;

/**
 * The links under their Optax names, for reading chains as one reads Optax:
 * <pre>{@code
 * import static org.optbench.submissions.transform.Transforms.*;
 * chain(scaleByAdam(b1, b2, eps, false), addDecayedWeights(wd), scaleByLearningRate(schedule))   // AdamW
 * chain(addDecayedWeights(wd), momentum(0.9, true), scaleByLearningRate(schedule))               // SGD Nesterov, L2
 * }</pre>
 * Each link's class carries its update equation and source.
 */
public final class Transforms {
    private Transforms() {
    }

    /** See {@link Chain}. */
    public static Chain chain(GradientTransformation... links) {
        return Chain.chain(links);
    }

    /** Adam's rescaling, or NAdamW's with {@code nesterov}; see {@link ScaleByAdam}. */
    public static ScaleByAdam scaleByAdam(double b1, double b2, double eps, boolean nesterov) {
        return new ScaleByAdam(b1, b2, eps, nesterov);
    }

    /** {@code u <- u + lambda x} on every parameter; see {@link AddDecayedWeights} for decoupled vs coupled. */
    public static AddDecayedWeights addDecayedWeights(double weightDecay) {
        return new AddDecayedWeights(weightDecay, ParameterMask.all());
    }

    /** {@code u <- u + lambda x} on the parameters the mask selects; see {@link AddDecayedWeights}. */
    public static AddDecayedWeights addDecayedWeights(double weightDecay, ParameterMask mask) {
        return new AddDecayedWeights(weightDecay, mask);
    }

    /** {@code u <- -lr(k) u}; see {@link ScaleByLearningRate}. */
    public static ScaleByLearningRate scaleByLearningRate(Schedule schedule) {
        return new ScaleByLearningRate(schedule);
    }

    /** Clips the global norm of the updates to {@code maxNorm}; see {@link ClipByGlobalNorm}. */
    public static ClipByGlobalNorm clipByGlobalNorm(double maxNorm) {
        return new ClipByGlobalNorm(maxNorm);
    }

    /** The direction of {@code direction} with the per-tensor norm of {@code magnitude}; see {@link Graft}. */
    public static Graft graft(GradientTransformation direction, GradientTransformation magnitude, double eps) {
        return new Graft(direction, magnitude, eps);
    }

    /** PyTorch's SGD momentum, heavy ball or Nesterov; see {@link Momentum}. */
    public static Momentum momentum(double mu, boolean nesterov) {
        return new Momentum(mu, nesterov, false);
    }

    /** Momentum as an exponential moving average, heavy ball or Nesterov; see {@link Momentum}. */
    public static Momentum emaMomentum(double mu, boolean nesterov) {
        return new Momentum(mu, nesterov, true);
    }

    /** Schedule-Free averaging around {@code base}; see {@link ScheduleFree}. */
    public static ScheduleFree scheduleFree(GradientTransformation base, Schedule schedule, double b1, double r,
            double weightLrPower) {
        return new ScheduleFree(base, schedule, b1, r, weightLrPower);
    }
}
