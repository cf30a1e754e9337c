package org.optbench.harness.cli;

import java.util.Optional;

import org.optbench.api.HyperParameters;
import org.optbench.api.OptimizerState;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.api.StepContext;
import org.optbench.api.Submission;
import org.optbench.api.WorkloadInfo;

/**
 * A submission whose third update throws, as a buggy one would: the trial must end as a failed record with that
 * reason, wherever it ran. On the test class path only (META-INF/services in test resources), so that trials in
 * forked JVMs and on Slurm nodes, which share the test class path, find it by name.
 */
public final class ThrowingSubmission implements Submission {
    /** Its name on the command line. */
    public static final String NAME = "test_throws_at_update";
    private int updates;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OptimizerState init(WorkloadInfo workload, Params params, HyperParameters hyperParameters, Rng rng) {
        return OptimizerState.NONE;
    }

    @Override
    public void update(StepContext context) {
        if (++updates == 3) {
            throw new IllegalStateException("test submission fails at its third update");
        }
    }

    @Override
    public Optional<String> searchSpaceJson() {
        return Optional.of("{\"learning_rate\": {\"feasible_points\": [0.1]}}");
    }
}
