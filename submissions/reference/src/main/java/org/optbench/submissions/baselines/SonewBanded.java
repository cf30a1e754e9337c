package org.optbench.submissions.baselines;

import com.google.auto.service.AutoService;

import org.optbench.api.HyperParameters;
import org.optbench.api.Submission;

/** Banded SONew ({@code PreconditionedOptimizers.sonewBanded}). Search space: as {@code sonew}; the optional
 * band width stays at its default, 4. */
@AutoService(Submission.class)
public final class SonewBanded extends ReferenceSubmission {
    /** The {@code sonew_banded} submission. */
    public SonewBanded() {
        super("sonew_banded");
    }

    /** As {@code sonew}, with a band of width 4. */
    @Override
    public HyperParameters defaultHyperParameters() {
        return point("learning_rate", 1e-3, "one_minus_beta1", 0.1, "beta2", 0.99, "weight_decay", 0.0,
                "warmup_factor", 0.05, "matrix_epsilon", 0.1, "epsilon", 1e-8, "band_width", 4);
    }
}
