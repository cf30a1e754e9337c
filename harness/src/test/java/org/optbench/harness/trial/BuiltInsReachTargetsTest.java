package org.optbench.harness.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.optbench.harness.budgets.BudgetTable;
import org.optbench.harness.catalog.SubmissionCatalog;
import org.optbench.harness.launch.Placement;
import org.optbench.harness.launch.TrialLauncher;
import org.optbench.harness.launch.TrialRequest;
import org.optbench.harness.launch.TrialSettings;
import org.optbench.results.records.EvalRow;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialRecords;
import org.optbench.results.records.TrialResult;
import org.optbench.tuning.plan.Ruleset;
import org.optbench.tuning.plan.TrialSpec;
import org.optbench.workloads.WorkloadSpec;
import org.optbench.workloads.Workloads;

/**
 * The built-in optimizers train to the workloads' validation targets through the real trial loop, from the points
 * documented in submissions/reference/README.md ("Points that reach the targets").
 *
 * <ul>
 *   <li>{@code quadratic}, all nine, on the workload's 2-s budget times {@value #BUDGET_FACTOR} (AdamW on the budget
 *       itself): the default point where it gets there, else one point of the search space, else (the Adam family,
 *       whose AlgoPerf search spaces stop at lr 1e-2 and weight decay 5e-3) the point the target was set with.</li>
 *   <li>AdamW at its calibrated point on {@code mnist_mlp}, the fastest base workload after {@code quadratic}, and
 *       on {@code mnist_autoencoder}: a rerun of AdamW's calibration on each, its point and its seed
 *       (workloads/README.md, "AdamW at its calibrated point"). Both count steps, not seconds: the steps each
 *       budget holds at the calibration machine's speed, so that a slower host (or a shared one) does not decide
 *       them. {@code ctr_dlrm}, as fast as {@code mnist_mlp}, is no test: its
 *       lowest validation loss is a sharp dip at the end of the first epoch, which an evaluation every second
 *       catches or misses by timing.</li>
 *   <li>{@code mnist_mlp}, all nine, only with {@code -Doptbench.mnistMlpPairs=true}: its target is the median best
 *       of the tuned winner's reruns on the full MNIST, reached 6,000 to 10,000 steps in: 12 to 26 s for the fast
 *       optimizers, 1 to 3 minutes for Shampoo, Sketchy and banded SONew; a trial stops early only once it has
 *       reached the test target too. The command and the runs behind the points are in
 *       submissions/reference/README.md.</li>
 * </ul>
 */
class BuiltInsReachTargetsTest {
    private static final double BUDGET_FACTOR = 4;

    static Stream<Arguments> quadraticPoints() {
        Map<String, Object> adamFamily = Map.of("learning_rate", 0.3, "weight_decay", 0.0);
        return Stream.of(
                Arguments.of("adamw", adamFamily),
                Arguments.of("nadamw", adamFamily),
                Arguments.of("sgd_momentum", Map.of("learning_rate", 1.0, "weight_decay", 1e-7)),
                Arguments.of("sgd_nesterov", Map.of("learning_rate", 0.65, "weight_decay", 1e-7)),
                Arguments.of("schedule_free_adamw", adamFamily),
                Arguments.of("shampoo", adamFamily),
                Arguments.of("sonew", adamFamily),
                Arguments.of("sonew_banded", adamFamily),
                Arguments.of("sketchy", adamFamily));
    }

    @ParameterizedTest(name = "{0} on quadratic at default + {1}")
    @MethodSource("quadraticPoints")
    void reachesTheQuadraticTarget(String submission, Map<String, Object> overrides, @TempDir Path dir) {
        double budget = classBudget("quadratic");
        double factor = submission.equals("adamw") ? 1 : BUDGET_FACTOR;
        assertReaches(submission, "quadratic", overrides, 1, budget * factor, dir);
    }

    @Test
    void adamwAtItsCalibratedPointReachesMnistMlpWithinItsBudgetsSteps(@TempDir Path dir) {
        // AdamW's own calibration on mnist_mlp (workloads/calibration/cpu-2core/adamw/), its first rerun: the point
        // and the seed. There its accuracy, 0.9831 at step 6,695, was 0.984 at the next evaluation, step 7,191, after
        // 15.02 s of submission time: 2.09 ms a step on cpu-2core, where the 16.7-s budget holds 7,997 steps. Counting
        // steps keeps the CI machine's speed out of the assertion; the generous seconds only bound the run.
        Map<String, Object> point = Map.of("learning_rate", 0.008389438538019024, "one_minus_beta1", 0.1,
                "beta2", 0.999, "warmup_factor", 0.05, "weight_decay", 0.061880093573814285);
        double budget = classBudget("mnist_mlp");
        long budgetSteps = (long) Math.floor(budget / (15.015259627 / 7191));
        assertEquals(7997, budgetSteps);
        assertReachesWithinSteps("adamw", "mnist_mlp", point, 410282347166802339L, budgetSteps, 3 * budget, dir);
    }

    @Test
    void adamwAtItsCalibratedPointReachesMnistAutoencoderWithinItsBudgetsSteps(@TempDir Path dir) {
        // AdamW won mnist_autoencoder's calibration (workloads/calibration/cpu-2core/); this is the third of its
        // reruns, its point and seed, whose reconstruction error fell through 0.0076923 between steps 1,579 and 1,816
        // (17.6 and 20.1 s there) and levels off at 0.0075704: a smooth descent, so where the evaluations fall
        // does not decide it. At 20.1 s per 1,816 steps the 30.1-s budget holds 2,719 steps. Counted in steps, as for
        // mnist_mlp: in seconds it failed on a host 1.4x slower than the calibration's (1,640 steps in 30.1 s).
        Map<String, Object> point = Map.of("learning_rate", 0.0010271494089769278, "one_minus_beta1", 0.1,
                "beta2", 0.999, "warmup_factor", 0.05, "weight_decay", 0.03381996642728473);
        double budget = classBudget("mnist_autoencoder");
        long budgetSteps = (long) Math.floor(budget / (20.1 / 1816));
        assertEquals(2719, budgetSteps);
        assertReachesWithinSteps("adamw", "mnist_autoencoder", point, 8112143167443983377L, budgetSteps, 3 * budget,
                dir);
    }

    /**
     * Runs the trial for at most {@code boundSeconds} (only a bound on the run) and asserts that its first evaluation
     * at or past the validation target came at or before {@code budgetSteps}: the steps the class's budget holds at
     * the calibration machine's speed, so that the machine running the test does not decide it.
     */
    private static void assertReachesWithinSteps(String submission, String workload, Map<String, Object> point,
                                                 long seed, long budgetSteps, double boundSeconds, Path dir) {
        TrialRecord record = assertReaches(submission, workload, point, seed, boundSeconds, dir);
        WorkloadSpec spec = Workloads.spec(workload);
        TrialResult result = TrialRecords.read(dir.resolve("trial_1"));
        long stepsToTarget = result.evals().stream()
                .filter(row -> spec.direction().reaches(row.validation(spec.metric()), record.validationTarget()))
                .mapToLong(EvalRow::globalStep).findFirst().orElseThrow();
        assertTrue(stepsToTarget <= budgetSteps, "reached " + record.validationTarget() + " at step " + stepsToTarget
                + ", past the budget's " + budgetSteps + " steps");
    }

    /** Points and budgets (submission seconds): about 1.5 times when each reached the target in the README's runs. */
    static Stream<Arguments> mnistMlpPoints() {
        return Stream.of(
                Arguments.of("adamw", Map.of("learning_rate", 2e-3, "weight_decay", 0.2), 30),
                Arguments.of("nadamw", Map.of("learning_rate", 0.008389438538019024,
                        "one_minus_beta1", 0.020192904158623588, "weight_decay", 0.061880093573814285), 30),
                Arguments.of("sgd_momentum", Map.of(), 30),
                Arguments.of("sgd_nesterov", Map.of("learning_rate", 0.2), 30),
                Arguments.of("schedule_free_adamw", Map.of("learning_rate", 1e-2), 30),
                Arguments.of("shampoo", Map.of(), 90),
                Arguments.of("sonew", Map.of("learning_rate", 3e-3, "weight_decay", 0.1), 40),
                Arguments.of("sonew_banded", Map.of(), 280),
                Arguments.of("sketchy", Map.of("learning_rate", 3e-4, "weight_decay", 5e-3), 150));
    }

    @ParameterizedTest(name = "{0} on mnist_mlp at default + {1}")
    @MethodSource("mnistMlpPoints")
    void reachesTheMnistMlpTarget(String submission, Map<String, Object> overrides, int budgetSeconds,
                                  @TempDir Path dir) {
        assumeTrue(Boolean.getBoolean("optbench.mnistMlpPairs"), "set -Doptbench.mnistMlpPairs=true to run");
        // Seed 0, as `optbench run` has by default: the README's table comes from those runs.
        assertReaches(submission, "mnist_mlp", overrides, 0, budgetSeconds, dir);
    }

    /** The workload's budget in the shipped reference class. */
    private static double classBudget(String workload) {
        return BudgetTable.bundled(BudgetTable.REFERENCE_CLASS).orElseThrow().budgetSeconds(workload).orElseThrow();
    }

    private static TrialRecord assertReaches(String submission, String workload, Map<String, Object> overrides,
                                             long seed, double budget, Path dir) {
        Map<String, Object> point = new LinkedHashMap<>(
                SubmissionCatalog.create(submission).defaultHyperParameters().asMap());
        point.putAll(overrides);
        TrialSpec spec = new TrialSpec(submission, workload, "single", Ruleset.Kind.SELF_TUNING, 0, 1, point, seed,
                budget);
        // A launched trial JVM, as every trial runs (its serial collector, its one training thread), timed by the
        // default CPU clock: what other processes do does not move it.
        TrialRecord record = TrialLauncher.run(new TrialRequest(spec, TrialSettings.defaults()),
                dir.resolve("trial_1"), TrialListener.NONE, Placement.alone());
        assertEquals("cpu", record.clock());

        assertNull(record.failure());
        assertTrue(record.reachedValidationTarget(), submission + " on " + workload + " never reached "
                + record.validationTarget() + " in " + record.steps() + " steps and " + budget + " s");
        assertEquals(point, record.hyperparameters(), "the record carries the point that was run");
        return record;
    }
}
