package org.optbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void forkedRunReachesTheTargetAndLeavesTheFourRecordFiles(@TempDir Path dir) {
        CliTestSupport.Result r = CliTestSupport.run("run", "--workload", "quadratic", "--submission", "adamw",
                "--out", dir.toString(), "--seed", "3");
        assertEquals(0, r.exitCode(), r.err());
        Path trialDir = dir.resolve("adamw/study_0/quadratic/trial_1");
        for (String file : new String[] {"eval_measurements.csv", "hparams.json", "meta_data.json", "trial.json"}) {
            assertTrue(Files.isRegularFile(trialDir.resolve(file)), file);
        }
        assertTrue(Files.notExists(dir.resolve("adamw/study_0/quadratic/trial_1.partial")));
        TrialRecord record = TrialRecords.read(trialDir).record();
        assertTrue(record.reachedValidationTarget(), "adamw's default point reaches quadratic's target");
        assertEquals(StopReason.TARGETS_REACHED, record.stopReason());
        assertTrue(record.timeToTargetSeconds() <= record.budgetSeconds());
        assertTrue(record.peakRssBytes() > 0 && record.peakRssBytes() < 1_000_000_000L, "peak RSS " + record.peakRssBytes());
        assertTrue(r.out().contains("reached the validation target"), r.out());
        assertTrue(r.out().contains(trialDir.toString()), r.out());

        // A second run goes to the next trial directory instead of replacing the first.
        CliTestSupport.Result again = CliTestSupport.run("run", "--workload", "quadratic", "--submission", "adamw",
                "--out", dir.toString(), "--seed", "3", "--budget-seconds", "0.5");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(Files.isRegularFile(dir.resolve("adamw/study_0/quadratic/trial_2/trial.json")));
    }
}
