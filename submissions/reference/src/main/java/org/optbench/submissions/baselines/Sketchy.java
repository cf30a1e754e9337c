package org.optbench.submissions.baselines;

import com.google.auto.service.AutoService;

import org.optbench.api.HyperParameters;
import org.optbench.api.Submission;

/**
 * Sketchy, tearfree's composition with Frequent-Directions sketches ({@code PreconditionedOptimizers.sketchy}).
 * Search space: as Shampoo's; the optional rank,
 * ε and graft ε stay at their defaults.
 */
@AutoService(Submission.class)
public final class Sketchy extends ReferenceSubmission {
    /** The {@code sketchy} submission. */
    public Sketchy() {
        super("sketchy");
    }

    /** lr 1e-3, momentum 0.9 (Nesterov), β2 0.999, no weight decay, 5 % warm-up, rank 32, ε 1e-7, graft ε 1e-23. */
    @Override
    public HyperParameters defaultHyperParameters() {
        return point("learning_rate", 1e-3, "one_minus_beta1", 0.1, "beta2", 0.999, "weight_decay", 0.0,
                "warmup_factor", 0.05, "rank", 32, "matrix_epsilon", 1e-7, "graft_epsilon", 1e-23);
    }
}
