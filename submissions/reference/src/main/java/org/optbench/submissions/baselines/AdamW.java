package org.optbench.submissions.baselines;

import org.optbench.api.HyperParameters;

/**
 * AdamW with AlgoPerf's warm-up + cosine schedule ({@code ReferenceOptimizers.adamw}). Search space: AlgoPerf's
 * {@code algorithms/paper_baselines/adamw/tuning_search_space_no_beta1.json} without {@code dropout_rate} and
 * {@code label_smoothing} (optbench workloads have no such knobs).
 */
public final class AdamW extends ReferenceSubmission {
    /** The {@code adamw} submission. */
    public AdamW() {
        super("adamw");
    }

    /**
     * PyTorch's AdamW defaults (lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight decay 0.01), a good start for small
     * models, with AlgoPerf's 5 % warm-up.
     */
    @Override
    public HyperParameters defaultHyperParameters() {
        return point("learning_rate", 1e-3, "one_minus_beta1", 0.1, "beta2", 0.999, "epsilon", 1e-8,
                "weight_decay", 0.01, "warmup_factor", 0.05);
    }
}
