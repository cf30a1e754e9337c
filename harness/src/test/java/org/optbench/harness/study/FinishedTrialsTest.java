package org.optbench.harness.study;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.api.BadInputException;
import org.optbench.harness.trial.ClockKind;
import org.optbench.results.records.EvalRow;
import org.optbench.results.records.StopReason;
import org.optbench.api.MetricDirection;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialRecordBuilder;
import org.optbench.results.records.TrialRecordWriter;
import org.optbench.tuning.plan.Ruleset;
import org.optbench.tuning.plan.TrialSpec;

/** Resuming reuses a finished trial only when it is the planned one. */
class FinishedTrialsTest {
    private static final Map<String, Object> POINT = Map.of("learning_rate", 0.001, "batch_size", 128);

    private static TrialSpec spec(Map<String, Object> point, long seed, double budget) {
        return new TrialSpec("adamw", "mnist_mlp", "external", Ruleset.Kind.EXTERNAL, 0, 1, point, seed, budget);
    }

    /** A finished record of the trial (lr 1e-3, batch 128 read back from JSON as an Integer, seed 7, 40 s). */
    private static Path finished(Path dir) {
        return finished(dir, 40, null);
    }

    private static Path finished(Path dir, double budget, Double scale) {
        TrialRecordWriter writer = TrialRecordWriter.create(dir.resolve("trial_1"));
        writer.writeHyperParameters(POINT);
        writer.appendEval(new EvalRow(100, 0, 1.0, 0.1, 0.01, 2.0, Map.of("validation/accuracy", 0.9)));
        writer.complete(new TrialRecordBuilder().submission("adamw").workload("mnist_mlp").seed(7L)
                .hyperparameters(POINT).budgetSeconds(budget).budgetScale(scale).metric("accuracy")
                .metricDirection(MetricDirection.HIGHER).validationTarget(0.96).testTarget(0.955)
                .hardwareClass("cpu-test").steps(100).evals(1).submissionSeconds(1.0).evalSeconds(0.1)
                .loggingSeconds(0.01).wallSeconds(2.0).stepTimeMedianSeconds(0.01).peakRssBytes(100_000_000L)
                .stateBytes(1024).stopReason(StopReason.BUDGET).optbenchVersion("0.1.0-SNAPSHOT")
                .startedAt("2026-11-27T08:00:00Z").build());
        return dir.resolve("trial_1");
    }

    @Test
    void aMissingOrUnfinishedTrialIsToRun(@TempDir Path dir) {
        assertFalse(FinishedTrials.holds(dir.resolve("trial_1"), spec(POINT, 7, 40), ClockKind.WALL));
        TrialRecordWriter.create(dir.resolve("trial_2")).writeHyperParameters(POINT);
        assertFalse(FinishedTrials.holds(dir.resolve("trial_2"), spec(POINT, 7, 40), ClockKind.WALL), "no trial.json: unfinished");
    }

    @Test
    void theSameTrialIsReusedWhateverTheNumberTypes(@TempDir Path dir) {
        Path trial = finished(dir);
        assertTrue(FinishedTrials.holds(trial, spec(POINT, 7, 40), ClockKind.WALL));
        assertTrue(FinishedTrials.holds(trial, spec(Map.of("learning_rate", 0.001, "batch_size", 128L), 7, 40),
                ClockKind.WALL));
    }

    @Test
    void aTrialOfAnotherPlanIsRefusedNamingTheDifference(@TempDir Path dir) {
        Path trial = finished(dir);
        for (var other : List.of(
                List.of(spec(Map.of("learning_rate", 0.002, "batch_size", 128), 7, 40), "hyperparameters"),
                List.of(spec(POINT, 8, 40), "seed 7, the plan has 8"),
                List.of(spec(POINT, 7, 30), "budget 40.0 s, the plan has 30.0 s"))) {
            BadInputException e = assertThrows(BadInputException.class,
                    () -> FinishedTrials.holds(trial, (TrialSpec) other.get(0), ClockKind.WALL));
            assertTrue(e.getMessage().contains((String) other.get(1)), e.getMessage());
            assertTrue(e.getMessage().contains(trial.resolve("trial.json").toString()), e.getMessage());
        }
        // The record has no clock field, so the wall clock timed it: a CPU-clock study does not reuse it.
        BadInputException clock = assertThrows(BadInputException.class,
                () -> FinishedTrials.holds(trial, spec(POINT, 7, 40), ClockKind.CPU));
        assertTrue(clock.getMessage().contains("timed by the wall clock, this study uses cpu"), clock.getMessage());
    }

    @Test
    void aRecordOfAScaledBudgetIsThePlansTrial(@TempDir Path dir) {
        // On a machine 1.5x slower the plan's 40 s ran as 60 s: the record says 60 s and a scale of 1.5.
        Path trial = finished(dir, 60, 1.5);
        assertTrue(FinishedTrials.holds(trial, spec(POINT, 7, 40), ClockKind.WALL));
    }
}
