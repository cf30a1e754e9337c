package org.optbench.submissions.baselines;

import com.google.auto.service.AutoService;

import org.optbench.api.HyperParameters;
import org.optbench.api.Submission;

/**
 * Shampoo with Google {@code distributed_shampoo} semantics ({@code PreconditionedOptimizers.shampoo}). Search
 * space: after AlgoPerf's Shampoo paper baseline ({@code paper_baselines/shampoo/tuning_search_space.json}: lr,
 * {@code one_minus_beta1} 1e-2–0.15, weight decay 5e-3–1.0, β2 0.999, 5 % warm-up), the optional block size and
 * root schedule left at their defaults.
 */
@AutoService(Submission.class)
public final class Shampoo extends ReferenceSubmission {
    /** The {@code shampoo} submission. */
    public Shampoo() {
        super("shampoo");
    }

    /**
     * lr 1e-3 (the RMSProp-normalised graft gives Adam-sized steps), β1 0.9, β2 0.999, no weight decay, 5 %
     * warm-up, blocks of 256, ε_m 1e-6, Shampoo from step 10 with roots every 10 steps.
     */
    @Override
    public HyperParameters defaultHyperParameters() {
        return point("learning_rate", 1e-3, "one_minus_beta1", 0.1, "beta2", 0.999, "weight_decay", 0.0,
                "warmup_factor", 0.05, "block_size", 256, "matrix_epsilon", 1e-6, "start_preconditioning_step", 10,
                "preconditioning_compute_steps", 10);
    }
}
