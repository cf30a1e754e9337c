package org.optbench.submissions.baselines;

import com.google.auto.service.AutoService;

import org.optbench.api.HyperParameters;
import org.optbench.api.Submission;

/**
 * NAdamW as AlgoPerf's baseline ({@code ReferenceOptimizers.nadamw}). Search space: AlgoPerf's
 * {@code algorithms/paper_baselines/nadamw/tuning_search_space.json} without {@code dropout_rate} and
 * {@code label_smoothing}.
 */
@AutoService(Submission.class)
public final class NAdamW extends ReferenceSubmission {
    /** The {@code nadamw} submission. */
    public NAdamW() {
        super("nadamw");
    }

    /**
     * The same small-model start as {@code adamw} (PyTorch's AdamW defaults, 5 % warm-up): the Nesterov moment
     * changes the direction, not the scale, so the same learning rate suits it.
     */
    @Override
    public HyperParameters defaultHyperParameters() {
        return point("learning_rate", 3e-3, "one_minus_beta1", 0.1, "beta2", 0.999, "epsilon", 1e-8,
                "weight_decay", 0.01, "warmup_factor", 0.05);
    }
}
