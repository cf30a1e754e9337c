package org.optbench.submissions.baselines;

import com.google.auto.service.AutoService;

import org.optbench.api.HyperParameters;
import org.optbench.api.Submission;

/**
 * SGD with Nesterov momentum and coupled L2 weight decay ({@code ReferenceOptimizers.sgdNesterov}). Search space:
 * AlgoPerf's {@code algorithms/paper_baselines/nesterov/tuning_search_space_no_beta1.json} without
 * {@code dropout_rate}, {@code label_smoothing}, {@code decay_steps_factor} and {@code end_factor}.
 */
@AutoService(Submission.class)
public final class SgdNesterov extends ReferenceSubmission {
    /** The {@code sgd_nesterov} submission. */
    public SgdNesterov() {
        super("sgd_nesterov");
    }

    /** As {@code sgd_momentum}: lr 0.1, momentum 0.9, weight decay 5e-4, 5 % warm-up. */
    @Override
    public HyperParameters defaultHyperParameters() {
        return point("learning_rate", 0.1, "one_minus_beta1", 0.1, "weight_decay", 5e-4, "warmup_factor", 0.05);
    }
}
