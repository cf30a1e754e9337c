package org.optbench.harness.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.optbench.harness.isolation.TrialRequest;
import org.optbench.harness.isolation.TrialSettings;
import org.optbench.results.records.TrialRecord;
import org.optbench.tuning.plan.Ruleset;
import org.optbench.tuning.plan.TrialSpec;
import org.optbench.workloads.Workloads;

/**
 * Every built-in optimizer trains {@code mnist_mlp} and {@code quadratic} to their validation targets, through
 * the real trial loop, from the points documented in submissions/reference/README.md ("Points that reach the
 * targets"): the default point where it gets there, else one point of the search space, else (quadratic for the
 * Adam family, whose AlgoPerf search spaces stop at lr 1e-2 and weight decay 5e-3) the point the target was
 * calibrated with.
 *
 * <p>AdamW runs on the workloads' own budgets. The others get {@value #BUDGET_FACTOR}x the budget, and the two
 * slowest per step (Sketchy and banded SONew, 15 and 27 ms a step on mnist_mlp against AdamW's 2) get
 * {@value #SLOW_BUDGET_FACTOR}x: what is checked here is that they train to the target, not how fast (the
 * leaderboard measures that), and their per-step cost on a shared CI machine varies.
 */
class BuiltInsReachTargetsTest {
    private static final double BUDGET_FACTOR = 4;
    private static final double SLOW_BUDGET_FACTOR = 12;

    static Stream<Arguments> points() {
        Map<String, Object> quadraticAdamFamily = Map.of("learning_rate", 0.3, "weight_decay", 0.0);
        return Stream.of(
                Arguments.of("adamw", "mnist_mlp", Map.of()),
                Arguments.of("nadamw", "mnist_mlp", Map.of()),
                Arguments.of("sgd_momentum", "mnist_mlp", Map.of()),
                Arguments.of("sgd_nesterov", "mnist_mlp", Map.of("learning_rate", 0.2)),
                Arguments.of("schedule_free_adamw", "mnist_mlp", Map.of("learning_rate", 1e-2)),
                Arguments.of("shampoo", "mnist_mlp", Map.of()),
                Arguments.of("sonew", "mnist_mlp", Map.of("learning_rate", 3e-3, "weight_decay", 5e-3)),
                Arguments.of("sonew_banded", "mnist_mlp", Map.of()),
                Arguments.of("sketchy", "mnist_mlp", Map.of("learning_rate", 5e-4, "weight_decay", 5e-3)),
                Arguments.of("adamw", "quadratic", quadraticAdamFamily),
                Arguments.of("nadamw", "quadratic", quadraticAdamFamily),
                Arguments.of("sgd_momentum", "quadratic", Map.of("learning_rate", 1.0, "weight_decay", 1e-7)),
                Arguments.of("sgd_nesterov", "quadratic", Map.of("learning_rate", 0.65, "weight_decay", 1e-7)),
                Arguments.of("schedule_free_adamw", "quadratic", quadraticAdamFamily),
                Arguments.of("shampoo", "quadratic", quadraticAdamFamily),
                Arguments.of("sonew", "quadratic", quadraticAdamFamily),
                Arguments.of("sonew_banded", "quadratic", quadraticAdamFamily),
                Arguments.of("sketchy", "quadratic", quadraticAdamFamily));
    }

    @ParameterizedTest(name = "{0} on {1} at default + {2}")
    @MethodSource("points")
    void reachesTheValidationTarget(String submission, String workload, Map<String, Object> overrides,
                                    @TempDir Path dir) {
        Map<String, Object> point = new LinkedHashMap<>(
                TrialSettings.defaults().loadSubmission(submission).defaultHyperParameters().asMap());
        point.putAll(overrides);
        double budget = Workloads.create(workload).spec().budgetSeconds();
        if (submission.equals("sketchy") || submission.equals("sonew_banded")) {
            budget *= SLOW_BUDGET_FACTOR;
        } else if (!submission.equals("adamw")) {
            budget *= BUDGET_FACTOR;
        }
        TrialSpec spec = new TrialSpec(submission, workload, "single", Ruleset.Kind.SELF_TUNING, 0, 1, point, 1,
                budget);
        TrialRecord record = TrialRunner.run(new TrialRequest(spec, TrialSettings.defaults()),
                dir.resolve("trial_1"), TrialListener.NONE);

        assertNull(record.failure());
        assertTrue(record.reachedValidationTarget(), submission + " on " + workload + " never reached "
                + record.validationTarget() + " in " + record.steps() + " steps and " + budget + " s");
        assertEquals(point, record.hyperparameters(), "the record carries the point that was run");
    }
}
