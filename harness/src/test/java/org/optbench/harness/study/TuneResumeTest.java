package org.optbench.harness.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.harness.cli.Main;
import org.optbench.results.records.EvalRow;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialRecords;
import org.optbench.results.records.TrialResult;

/**
 * kill -9 of {@code optbench tune} in the middle of a trial, then the same command again: no duplicated or missing
 * trials, and the records equal those of an uninterrupted run with the same seeds, timing columns aside. Real
 * processes throughout: the study runs in its own JVM, each trial in a JVM of its own.
 *
 * <p>Every step is evaluated (eval period 0) and each trial stops when it reaches both targets, so which steps are
 * evaluated and when a trial stops do not depend on the wall clock; only timing columns may differ.
 */
class TuneResumeTest {

    @Test
    void killNineMidTrialThenResumeGivesTheUninterruptedRecords(@TempDir Path dir) throws Exception {
        Path point = dir.resolve("point.json");
        Files.writeString(point, "[{\"learning_rate\": 0.03, \"one_minus_beta1\": 0.1, \"beta2\": 0.999, "
                + "\"weight_decay\": 0.0, \"warmup_factor\": 0.05}]");
        Path reference = dir.resolve("reference");
        Path interrupted = dir.resolve("interrupted");

        assertEquals(0, Main.commandLine().execute(tuneArgs(point, reference)), "uninterrupted study");

        Process tune = new ProcessBuilder(javaCommand(tuneArgs(point, interrupted)))
                .redirectErrorStream(true).redirectOutput(dir.resolve("tune.log").toFile()).start();
        Path experiment = interrupted.resolve("external_tuning/adamw");
        // The launcher opens a trial's log when it starts the trial's JVM.
        Path secondTrialLog = experiment.resolve("study_1/quadratic_cond1e2/trial_1.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(secondTrialLog)) {
            assertTrue(tune.isAlive(), "tune ended before the second trial started: "
                    + Files.readString(dir.resolve("tune.log")));
            assertTrue(System.nanoTime() < deadline, "the second trial never started");
            Thread.sleep(20);
        }
        tune.destroyForcibly(); // SIGKILL
        assertTrue(tune.waitFor(30, TimeUnit.SECONDS));
        assertTrue(childrenGone(interrupted), "the orphaned trial JVM did not exit with its parent");
        assertTrue(TrialRecords.isComplete(experiment.resolve("study_0/quadratic_cond1e2/trial_1")));
        assertFalse(TrialRecords.isComplete(experiment.resolve("study_1/quadratic_cond1e2/trial_1")));

        assertEquals(0, Main.commandLine().execute(tuneArgs(point, interrupted)), "resumed study");

        List<TrialResult> expected = TrialRecords.readAll(reference.resolve("external_tuning"));
        List<TrialResult> actual = TrialRecords.readAll(interrupted.resolve("external_tuning"));
        assertEquals(3, expected.size());
        assertEquals(3, actual.size(), "no duplicated or missing trials");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(untimed(expected.get(i).record()), untimed(actual.get(i).record()), "trial " + i);
            assertEquals(untimed(expected.get(i).evals()), untimed(actual.get(i).evals()), "evaluations of trial " + i);
            assertTrue(expected.get(i).record().reachedValidationTarget());
        }
        try (var leftovers = Files.walk(interrupted)) {
            assertEquals(0, leftovers.filter(p -> p.getFileName().toString().endsWith(".partial")).count(),
                    "a staging directory was left behind");
        }
    }

    private static String[] tuneArgs(Path point, Path out) {
        return new String[] {"tune", "--submission", "adamw", "--ruleset", "external", "--search-space",
            point.toString(), "--studies", "3", "--trials", "1", "--workloads", "quadratic_cond1e2",
            "--eval-period-seconds", "0", "--budget-seconds", "2", "--out", out.toString()};
    }

    private static List<String> javaCommand(String[] args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static boolean childrenGone(Path out) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            boolean alive = ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine()
                    .map(c -> c.contains(out.toString() + File.separator)).orElse(false));
            if (!alive) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static Map<String, Object> untimed(TrialRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("submission", r.submission());
        m.put("workload", r.workload());
        m.put("study", r.study());
        m.put("trial", r.trial());
        m.put("seed", r.seed());
        m.put("hyperparameters", r.hyperparameters());
        m.put("budget_seconds", r.budgetSeconds());
        m.put("validation_target", r.validationTarget());
        m.put("reached_validation_target", r.reachedValidationTarget());
        m.put("reached_test_target", r.reachedTestTarget());
        m.put("steps", r.steps());
        m.put("evals", r.evals());
        m.put("state_bytes", r.stateBytes());
        m.put("failure", r.failure());
        m.put("stop_reason", r.stopReason());
        return m;
    }

    private static List<Object> untimed(List<EvalRow> rows) {
        List<Object> out = new ArrayList<>();
        for (EvalRow row : rows) {
            out.add(List.of(row.globalStep(), row.preemptionCount(), row.metrics()));
        }
        return out;
    }
}
