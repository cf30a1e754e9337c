package org.optbench.harness.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

    @ParameterizedTest(name = "--jobs {0}")
    @ValueSource(ints = {1, 2})
    void killNineMidTrialThenResumeGivesTheUninterruptedRecords(int jobs, @TempDir Path dir) throws Exception {
        Path point = dir.resolve("point.json");
        Files.writeString(point, "[{\"learning_rate\": 0.03, \"one_minus_beta1\": 0.1, \"beta2\": 0.999, "
                + "\"weight_decay\": 0.0, \"warmup_factor\": 0.05}]");
        Path reference = dir.resolve("reference");
        Path interrupted = dir.resolve("interrupted");

        assertEquals(0, Main.commandLine().execute(tuneArgs(point, reference, jobs)), "uninterrupted study");

        Process tune = new ProcessBuilder(javaCommand(tuneArgs(point, interrupted, jobs)))
                .redirectErrorStream(true).redirectOutput(dir.resolve("tune.log").toFile()).start();
        Path experiment = interrupted.resolve("external_tuning/adamw");
        // The launcher opens a trial's log when it starts the trial's JVM: with one trial at a time the second
        // starts after the first has its record; with two, the third after one of the first two has.
        Path lastStarted = experiment.resolve("study_" + jobs + "/quadratic_cond1e2/trial_1.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(lastStarted)) {
            assertTrue(tune.isAlive(), "tune ended before trial " + (jobs + 1) + " started: "
                    + Files.readString(dir.resolve("tune.log")));
            assertTrue(System.nanoTime() < deadline, "trial " + (jobs + 1) + " never started");
            Thread.sleep(20);
        }
        List<ProcessHandle> launched = tune.descendants().toList();
        tune.destroyForcibly(); // SIGKILL
        assertTrue(tune.waitFor(30, TimeUnit.SECONDS));
        assertTrue(allGone(launched), "a trial JVM outlived its killed parent");
        int complete = 0;
        for (int study = 0; study < 3; study++) {
            complete += TrialRecords.isComplete(experiment.resolve("study_" + study + "/quadratic_cond1e2/trial_1"))
                    ? 1 : 0;
        }
        assertTrue(complete >= 1 && complete < 3, complete + " trials complete when the study was killed");

        assertEquals(0, Main.commandLine().execute(tuneArgs(point, interrupted, jobs)), "resumed study");

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

    private static String[] tuneArgs(Path point, Path out, int jobs) {
        return new String[] {"tune", "--submission", "adamw", "--ruleset", "external", "--search-space",
            point.toString(), "--studies", "3", "--trials", "1", "--workloads", "quadratic_cond1e2",
            "--eval-period-seconds", "0", "--budget-seconds", "2", "--jobs", Integer.toString(jobs),
            "--out", out.toString()};
    }

    private static List<String> javaCommand(String[] args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static boolean allGone(List<ProcessHandle> processes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (processes.stream().noneMatch(ProcessHandle::isAlive)) {
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
