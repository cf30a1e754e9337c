package org.optbench.submissions.baselines;

import com.google.auto.service.AutoService;

import org.optbench.api.HyperParameters;
import org.optbench.api.Submission;

/**
 * Tridiagonal SONew with init2winit {@code tds} semantics and Adam grafting
 * ({@code PreconditionedOptimizers.sonew}). Search space: AdamW's ranges (SONew grafts Adam's
 * step norm) with {@code tds}'s β2 0.99; the optional damping stays at its default, 0.1.
 */
@AutoService(Submission.class)
public final class Sonew extends ReferenceSubmission {
    /** The {@code sonew} submission. */
    public Sonew() {
        super("sonew");
    }

    /** lr 1e-3, β1 0.9, β2 0.99 ({@code tds}'s), no weight decay, 5 % warm-up, relative damping 0.1 (tds: 1e-8). */
    @Override
    public HyperParameters defaultHyperParameters() {
        return point("learning_rate", 1e-3, "one_minus_beta1", 0.1, "beta2", 0.99, "weight_decay", 0.0,
                "warmup_factor", 0.05, "matrix_epsilon", 0.1, "epsilon", 1e-8);
    }
}
