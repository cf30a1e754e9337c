package org.optbench.submissions.baselines;

import com.google.auto.service.AutoService;

import org.optbench.api.HyperParameters;
import org.optbench.api.Submission;

/**
 * Schedule-Free AdamW ({@code ReferenceOptimizers.scheduleFreeAdamW}); evaluates on the averaged iterate, put in
 * place by {@link #prepareForEval} and taken back by the next update. Search space: the five points of
 * facebookresearch/schedule_free {@code schedulefree/algoperf/external_tuning/schedule_free_adamw/
 * tuning_search_space.json} (AlgoPerf's list form) without {@code dropout_rate} and {@code label_smoothing}.
 */
@AutoService(Submission.class)
public final class ScheduleFreeAdamW extends ReferenceSubmission {
    /** The {@code schedule_free_adamw} submission. */
    public ScheduleFreeAdamW() {
        super("schedule_free_adamw");
    }

    /**
     * The AlgoPerf self-tuning Schedule-Free AdamW submission's point (facebookresearch/schedule_free
     * {@code schedulefree/algoperf/self_tuning/schedule_free_adamw/submission.py}): lr 0.0025, beta1 0.9,
     * beta2 0.9955159689799007, weight decay 0.08121616522670176, 2 % warm-up, r 0.75, weight_lr_power 2. (That
     * submission warms up over 0.75 of this; optbench uses {@code int(warmup_factor * step_hint)} as its
     * external-tuning submission does.)
     */
    @Override
    public HyperParameters defaultHyperParameters() {
        return point("learning_rate", 0.0025, "one_minus_beta1", 0.1, "beta2", 0.9955159689799007,
                "epsilon", 1e-8, "weight_decay", 0.08121616522670176, "warmup_factor", 0.02, "r", 0.75,
                "weight_lr_power", 2.0);
    }
}
