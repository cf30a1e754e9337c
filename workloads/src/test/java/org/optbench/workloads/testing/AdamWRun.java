package org.optbench.workloads.testing;

import java.util.Map;

import org.optbench.api.BatchStream;
import org.optbench.api.HyperParameters;
import org.optbench.api.LossAndGradients;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.submissions.ReferenceOptimizers;
import org.optbench.submissions.transform.Optimizer;
import org.optbench.workloads.Model;
import org.optbench.workloads.Workload;

/** A short seeded training run of the reference AdamW, for the tests that show a workload learns. */
public final class AdamWRun {
    private AdamWRun() {
    }

    /**
     * Trains {@code params} in place for {@code steps} steps (warm-up 5 % + cosine over {@code steps}), beta1 0.9,
     * beta2 0.999, weight decay 1e-4.
     */
    public static void train(Workload workload, Params params, int batchSize, double learningRate, int steps,
                             Rng rng) {
        Optimizer adamw = ReferenceOptimizers.create("adamw", HyperParameters.of(Map.of("learning_rate",
                learningRate, "one_minus_beta1", 0.1, "beta2", 0.999, "weight_decay", 1e-4, "warmup_factor", 0.05)),
                steps);
        Optimizer.State state = adamw.init(params);
        BatchStream stream = workload.trainingStream(batchSize, rng);
        try (Model model = workload.model(batchSize)) {
            for (int step = 0; step < steps; step++) {
                LossAndGradients lg = model.lossAndGradients(params, stream.next());
                adamw.step(params, lg.gradients(), state);
            }
        }
    }
}
