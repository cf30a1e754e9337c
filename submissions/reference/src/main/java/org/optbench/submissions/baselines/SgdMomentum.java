package org.optbench.submissions.baselines;

import com.google.auto.service.AutoService;

import org.optbench.api.HyperParameters;
import org.optbench.api.Submission;

/**
 * SGD with heavy-ball momentum and coupled L2 weight decay ({@code ReferenceOptimizers.sgdMomentum}). Search
 * space: AlgoPerf's {@code algorithms/paper_baselines/nesterov/tuning_search_space_no_beta1.json} without
 * {@code dropout_rate}, {@code label_smoothing}, {@code decay_steps_factor} and {@code end_factor} (optbench's SGD
 * uses the cosine schedule, not that baseline's linear decay).
 */
@AutoService(Submission.class)
public final class SgdMomentum extends ReferenceSubmission {
    /** The {@code sgd_momentum} submission. */
    public SgdMomentum() {
        super("sgd_momentum");
    }

    /**
     * The classic small-network recipe: lr 0.1, momentum 0.9, weight decay 5e-4 (He, Zhang, Ren and Sun, "Deep
     * Residual Learning", CVPR 2016, CIFAR-10 setup), with AlgoPerf's 5 % warm-up.
     */
    @Override
    public HyperParameters defaultHyperParameters() {
        return point("learning_rate", 0.1, "one_minus_beta1", 0.1, "weight_decay", 5e-4, "warmup_factor", 0.05);
    }
}
