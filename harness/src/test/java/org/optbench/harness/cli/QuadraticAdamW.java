package org.optbench.harness.cli;

import java.util.Map;
import java.util.Optional;

import org.optbench.api.Batch;
import org.optbench.api.BatchStream;
import org.optbench.api.HyperParameters;
import org.optbench.api.OptimizerState;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.api.StepContext;
import org.optbench.api.Submission;
import org.optbench.api.WorkloadInfo;
import org.optbench.submissions.baselines.AdamW;

/**
 * AdamW whose default point is the one that reaches {@code quadratic}'s targets within its 2-s budget
 * (learning rate 0.3, no weight decay; submissions/reference/README.md): a smoke-test submission whose trials stop
 * at their targets. On the test class path only, like {@link ThrowingSubmission}.
 */
public final class QuadraticAdamW implements Submission {
    /** Its name on the command line. */
    public static final String NAME = "test_quadratic_adamw";
    private final AdamW adamw = new AdamW();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OptimizerState init(WorkloadInfo workload, Params params, HyperParameters hyperParameters, Rng rng) {
        return adamw.init(workload, params, hyperParameters, rng);
    }

    @Override
    public Batch selectData(BatchStream stream, StepContext context) {
        return adamw.selectData(stream, context);
    }

    @Override
    public void update(StepContext context) {
        adamw.update(context);
    }

    @Override
    public HyperParameters defaultHyperParameters() {
        return adamw.defaultHyperParameters().with(Map.of("learning_rate", 0.3, "weight_decay", 0.0));
    }

    /** One point, its default: a search of it (calibration's) reaches the target too. */
    @Override
    public Optional<String> searchSpaceJson() {
        return Optional.of("[{\"learning_rate\": 0.3, \"one_minus_beta1\": 0.1, \"beta2\": 0.999, "
                + "\"weight_decay\": 0.0, \"warmup_factor\": 0.05, \"epsilon\": 1e-8}]");
    }
}
