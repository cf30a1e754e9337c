package org.optbench.harness.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.harness.isolation.TrialRequest;
import org.optbench.harness.isolation.TrialSettings;
import org.optbench.results.records.StopReason;
import org.optbench.results.records.TrialRecord;
import org.optbench.tuning.plan.Ruleset;
import org.optbench.tuning.plan.TrialSpec;
import org.optbench.workloads.Workloads;

/**
 * AdamW at its calibrated point reaches the targets of the two fastest base workloads within their budgets
 * (workloads/README.md: mnist_mlp at adamw's default point, lr 3e-3; quadratic at lr 0.3). Real trials on the
 * reference hardware class's budgets.
 */
class CalibratedPointsTest {

    @Test
    void adamwReachesMnistMlpsTargetFromItsDefaultPoint(@TempDir Path dir) {
        TrialRecord record = run("mnist_mlp", Map.of("learning_rate", 3e-3, "one_minus_beta1", 0.1, "beta2", 0.999,
                "weight_decay", 0.01, "warmup_factor", 0.05), dir);
        assertTrue(record.reachedValidationTarget(), "validation accuracy never reached " + record.validationTarget());
        assertEquals(StopReason.TARGETS_REACHED, record.stopReason());
    }

    @Test
    void adamwReachesQuadraticsTargetAtItsCalibratedPoint(@TempDir Path dir) {
        TrialRecord record = run("quadratic", Map.of("learning_rate", 0.3, "one_minus_beta1", 0.1, "beta2", 0.999,
                "weight_decay", 0.0, "warmup_factor", 0.05), dir);
        assertTrue(record.reachedValidationTarget(), "validation mse never reached " + record.validationTarget());
    }

    private static TrialRecord run(String workload, Map<String, Object> point, Path dir) {
        double budget = Workloads.create(workload).spec().budgetSeconds();
        TrialSpec spec = new TrialSpec("adamw", workload, "single", Ruleset.Kind.SELF_TUNING, 0, 1, point, 1, budget);
        return TrialRunner.run(new TrialRequest(spec, TrialSettings.defaults()), dir.resolve("trial_1"),
                TrialListener.NONE);
    }
}
