package org.optbench.harness.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.harness.budgets.BudgetTable;
import org.optbench.harness.cli.Main;
import org.optbench.results.records.EvalRow;
import org.optbench.results.records.TrialRecords;
import org.optbench.results.records.TrialResult;

/**
 * Calibration end to end on the fast workload: the targets and the budget it writes follow from the rerun records
 * on disk by AlgoPerf's rules, recomputed here from the raw evaluation rows.
 */
class CalibrateCommandTest {

    @Test
    void targetsAndBudgetFollowFromTheReruns(@TempDir Path dir) throws Exception {
        int code = Main.commandLine().execute("calibrate", "--workload", "quadratic_cond1e2", "--baselines", "adamw",
                "--trials", "2", "--seeds", "3", "--search-budget-seconds", "0.4", "--hardware-class", "test-class",
                "--out", dir.toString());
        assertEquals(0, code);

        List<TrialResult> reruns = TrialRecords.readAll(dir.resolve("calibration-quadratic_cond1e2/reruns"));
        assertEquals(3, reruns.size(), "one rerun per seed");
        assertEquals(2, TrialRecords.readAll(dir.resolve("calibration-quadratic_cond1e2/search")).size());
        for (TrialResult r : reruns) {
            assertTrue(r.record().submissionSeconds() >= 0.4, "reruns run their whole budget, targets aside");
        }

        // mse: lower is better. Each rerun's best validation value, then the median (3 values: the middle one).
        List<Double> best = new ArrayList<>();
        for (TrialResult r : reruns) {
            best.add(r.evals().stream().mapToDouble(e -> e.metric("validation/mse")).min().orElseThrow());
        }
        List<Double> sorted = best.stream().sorted().toList();
        double target = sorted.get(1);

        // Times to that target: the first evaluation at or below it; the two best reruns reach it, the worst not
        // (unless tied). Budget: 4/3 of the median of the reached times.
        List<Double> times = new ArrayList<>();
        for (TrialResult r : reruns) {
            for (EvalRow e : r.evals()) {
                if (e.metric("validation/mse") <= target) {
                    times.add(e.submissionSeconds());
                    break;
                }
            }
        }
        times.sort(null);
        double medianTime = times.size() % 2 == 1 ? times.get(times.size() / 2)
                : (times.get(times.size() / 2 - 1) + times.get(times.size() / 2)) / 2;

        @SuppressWarnings("unchecked")
        Map<String, Object> result = new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(dir.resolve("calibration-quadratic_cond1e2.json").toFile(), Map.class);
        assertEquals(target, ((Number) result.get("validationTarget")).doubleValue(), 0.0);
        assertEquals(medianTime * 4 / 3, ((Number) result.get("budgetSeconds")).doubleValue(), 1e-12);
        // The record names every search point, so that each baseline's calibrated point can be rerun.
        Map<?, ?> points = (Map<?, ?>) result.get("searchPoints");
        assertEquals(2, points.size());
        for (TrialResult r : TrialRecords.readAll(dir.resolve("calibration-quadratic_cond1e2/search"))) {
            assertEquals(r.record().hyperparameters(), points.get("adamw/trial_" + r.record().trial()));
        }

        BudgetTable table = BudgetTable.read(dir.resolve("budgets/test-class.json"));
        assertEquals("test-class", table.hardwareClass());
        assertEquals(Math.ceil(medianTime * 4 / 3 * 10) / 10, table.budgets().get("quadratic_cond1e2"), 1e-12);
        assertTrue(Files.isRegularFile(dir.resolve("calibration-quadratic_cond1e2.json")));
    }
}
