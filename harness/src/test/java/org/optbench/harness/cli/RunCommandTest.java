package org.optbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.results.records.StopReason;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialRecords;

/** {@code optbench run} end to end, in a forked trial JVM, on the fast workload. */
class RunCommandTest {

    @Test
    void forkedRunReachesTheTargetAndLeavesTheFourRecordFiles(@TempDir Path dir) throws IOException {
        // A point of adamw's search space that suits the well-conditioned variant (workloads/README.md).
        Path hparams = dir.resolve("hparams.json");
        Files.writeString(hparams, "{\"learning_rate\": 0.03, \"one_minus_beta1\": 0.1, \"beta2\": 0.999, "
                + "\"weight_decay\": 0.0, \"warmup_factor\": 0.05}");
        CliTestSupport.Result r = CliTestSupport.run("run", "--workload", "quadratic_cond1e2", "--submission",
                "adamw", "--hparams", hparams.toString(), "--out", dir.toString(), "--seed", "3");
        assertEquals(0, r.exitCode(), r.err());
        Path trialDir = dir.resolve("adamw/study_0/quadratic_cond1e2/trial_1");
        for (String file : new String[] {"eval_measurements.csv", "hparams.json", "meta_data.json", "trial.json"}) {
            assertTrue(Files.isRegularFile(trialDir.resolve(file)), file);
        }
        assertTrue(Files.notExists(dir.resolve("adamw/study_0/quadratic_cond1e2/trial_1.partial")));
        TrialRecord record = TrialRecords.read(trialDir).record();
        assertTrue(record.reachedValidationTarget(), "adamw reaches the target");
        assertEquals(0.03, record.hyperparameters().get("learning_rate"));
        assertEquals(StopReason.TARGETS_REACHED, record.stopReason());
        assertTrue(record.timeToTargetSeconds() <= record.budgetSeconds());
        assertTrue(record.peakRssBytes() > 0 && record.peakRssBytes() < 1_000_000_000L, "peak RSS " + record.peakRssBytes());
        assertTrue(r.out().contains("reached the validation target"), r.out());
        assertTrue(r.out().contains(trialDir.toString()), r.out());

        // A second run goes to the next trial directory instead of replacing the first.
        CliTestSupport.Result again = CliTestSupport.run("run", "--workload", "quadratic_cond1e2", "--submission",
                "adamw", "--out", dir.toString(), "--seed", "3", "--budget-seconds", "0.5");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(Files.isRegularFile(dir.resolve("adamw/study_0/quadratic_cond1e2/trial_2/trial.json")));
    }
}
