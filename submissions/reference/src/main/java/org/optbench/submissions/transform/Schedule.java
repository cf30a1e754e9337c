package org.optbench.submissions.transform;

/**
 * A learning-rate schedule: the learning rate of the update with 0-based index {@code k} (the first update is
 * {@code k = 0}). {@link ScaleByLearningRate} reads it once per step.
 */
@FunctionalInterface
public interface Schedule {
    /** The learning rate of the update with 0-based index {@code step}. */
    double at(long step);

    /** The same learning rate at every step. */
    static Schedule constant(double learningRate) {
        return step -> learningRate;
    }

    /**
     * AlgoPerf's baseline schedule: linear warm-up from 0, then cosine decay to 0 over the rest of the step hint.
     * <pre>
     *   W = int(warmupFactor * stepHint),  D = max(stepHint - W, 1)
     *   lr(k) = lr0 * k / W                                   for k &lt; W
     *   lr(k) = lr0 * 0.5 * (1 + cos(pi * min(k - W, D) / D))   otherwise
     * </pre>
     * So the first update uses learning rate 0, as optax's {@code linear_schedule} from 0 gives; the PyTorch
     * baseline's {@code LinearLR(start_factor=1e-10)} differs by at most {@code 1e-10 * lr0}. Source: AlgoPerf,
     * {@code algorithms/baselines/external_tuning/jax_nadamw_full_budget.py} ({@code jax_cosine_warmup}).
     *
     * @param learningRate the peak learning rate {@code lr0}
     * @param warmupFactor the fraction of the step hint spent warming up, in [0, 1]
     * @param stepHint the workload's step hint (at least 1)
     */
    static Schedule warmupCosineDecay(double learningRate, double warmupFactor, long stepHint) {
        if (stepHint < 1) {
            throw new IllegalArgumentException("step hint must be at least 1, got " + stepHint);
        }
        if (!(warmupFactor >= 0 && warmupFactor <= 1)) {
            throw new IllegalArgumentException("warm-up factor must be in [0, 1], got " + warmupFactor);
        }
        long warmupSteps = (long) (warmupFactor * stepHint);
        long decaySteps = Math.max(stepHint - warmupSteps, 1);
        return step -> {
            if (step < warmupSteps) {
                return learningRate * step / warmupSteps;
            }
            double progress = Math.min(step - warmupSteps, decaySteps) / (double) decaySteps;
            return learningRate * 0.5 * (1 + Math.cos(Math.PI * progress));
        };
    }

    /**
     * Schedule-Free's built-in warm-up: {@code lr(k) = lr0 * (k + 1) / W} for {@code k < W}, then {@code lr0}; no
     * decay. Note the {@code k + 1}: the first update already moves. Source: facebookresearch/schedule_free,
     * {@code schedulefree/adamw_schedulefree_reference.py}.
     *
     * @param learningRate the learning rate after warm-up
     * @param warmupSteps {@code W}; 0 for none
     */
    static Schedule linearWarmupFromFirstStep(double learningRate, long warmupSteps) {
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("warm-up steps must be at least 0, got " + warmupSteps);
        }
        return step -> step < warmupSteps ? learningRate * (step + 1) / warmupSteps : learningRate;
    }
}
