package org.optbench.results.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.api.BadInputException;
import org.optbench.results.records.EvalRow;
import org.optbench.results.records.StopReason;
import org.optbench.api.MetricDirection;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialRecordBuilder;
import org.optbench.results.records.TrialRecordWriter;

class RecordTimesTest {
    @TempDir
    Path root;

    /** Writes one trial whose evaluations are (submission seconds, validation accuracy) pairs. */
    void trial(String submission, String workload, String base, int study, int trial, double target, boolean complete,
               double... secondsAndAccuracy) {
        trialOn("cpu", submission, workload, base, study, trial, target, complete, secondsAndAccuracy);
    }

    void trialOn(String hardwareClass, String submission, String workload, String base, int study, int trial,
                 double target, boolean complete, double... secondsAndAccuracy) {
        trialWith(b -> b.hardwareClass(hardwareClass), submission, workload, base, study, trial, target, complete,
                secondsAndAccuracy);
    }

    void trialWith(UnaryOperator<TrialRecordBuilder> extra, String submission, String workload, String base, int study,
                   int trial, double target, boolean complete, double... secondsAndAccuracy) {
        TrialRecordWriter writer = TrialRecordWriter.create(root, submission, study, workload, trial);
        for (int i = 0; i < secondsAndAccuracy.length; i += 2) {
            writer.appendEval(new EvalRow(100L * i, 0, secondsAndAccuracy[i], 1, 0, secondsAndAccuracy[i] + 1,
                    Map.of("validation/accuracy", secondsAndAccuracy[i + 1])));
        }
        if (complete) {
            // Deliberately claims a time to target of 1 s: the scorer recomputes it from the evaluations.
            writer.complete(extra.apply(new TrialRecordBuilder().hardwareClass("cpu").submission(submission).workload(workload).baseWorkload(base)
                    .study(study).trial(trial).seed(7).hyperparameters(Map.of("lr", 0.1)).budgetSeconds(100)
                    .metric("accuracy").metricDirection(MetricDirection.HIGHER).validationTarget(target)
                    .testTarget(target).timeToTargetSeconds(1.0).steps(10).evals(2)
                    .submissionSeconds(1).evalSeconds(1).wallSeconds(2).stepTimeMedianSeconds(0.01)
                    .peakRssBytes(1).stateBytes(1).stopReason(StopReason.BUDGET).optbenchVersion("test")
                    .startedAt("2026-11-27T00:00:00Z")).build());
        }
    }

    @Test
    void timesComeFromTheEvaluationsOfCompleteTrials() {
        // adamw, study 0: trial 1 reaches 0.9 at its 2nd eval (20 s), trial 2 at its 1st (15 s): best 15 s.
        trial("adamw", "mnist", null, 0, 1, 0.9, true, 10, 0.5, 20, 0.91);
        trial("adamw", "mnist", null, 0, 2, 0.9, true, 15, 0.95);
        // adamw, study 1: trial 1 at its 3rd eval (30 s); trial 2 would win at 1 s but has no trial.json.
        trial("adamw", "mnist", null, 1, 1, 0.9, true, 10, 0.8, 20, 0.85, 30, 0.92);
        trial("adamw", "mnist", null, 1, 2, 0.9, false, 1, 0.99);
        // sgd: study 0 at 60 s, study 1 at 40 s.
        trial("sgd", "mnist", null, 0, 1, 0.9, true, 30, 0.5, 60, 0.9);
        trial("sgd", "mnist", null, 1, 1, 0.9, true, 40, 0.93);

        ScoringInput input = RecordTimes.read(root);
        // Medians of two studies: adamw (15 + 30)/2 = 22.5; sgd (60 + 40)/2 = 50.
        assertEquals(22.5, input.times().time("adamw", "mnist"));
        assertEquals(50.0, input.times().time("sgd", "mnist"));
        assertEquals(List.of("mnist"), input.baseWorkloads());
        assertEquals(new TargetHit(2, 0, 15.0), input.studies().get("adamw").get("mnist").get(0).best());

        // Ratio of sgd: 50 / 22.5 = 2.222..., between tau_40 = 2.2121 and tau_41 = 2.2424 (tau_i = 1 + i/33).
        // rho = 0 up to tau_40 and 1 from tau_41: (0 + 1)/2 / 33 + 58/33 = 58.5/33; score 58.5/99.
        ScoreReport report = Scoring.score(input, RuleVersion.V0_6);
        assertEquals(1.0, report.scores().get("adamw"));
        assertEquals(58.5 / 99, report.scores().get("sgd"), 1e-12);
    }

    @Test
    void aTrialWithBaseWorkloadIsAHeldOutVariant() {
        trial("adamw", "mnist", null, 0, 1, 0.9, true, 10, 0.95);
        trial("adamw", "mnist_tanh", "mnist", 0, 1, 0.8, true, 10, 0.5);
        trial("sgd", "mnist", null, 0, 1, 0.9, true, 20, 0.95);
        trial("sgd", "mnist_tanh", "mnist", 0, 1, 0.8, true, 30, 0.85);
        ScoringInput input = RecordTimes.read(root);
        assertEquals(List.of("mnist"), input.baseWorkloads());
        assertEquals(Map.of("mnist_tanh", "mnist"), input.variantToBase());
        // v0.5: adamw missed its variant, so its base time becomes inf (rule c); sgd is then best on mnist.
        ScoreReport v05 = Scoring.score(input, RuleVersion.V0_5);
        assertEquals(0.0, v05.scores().get("adamw"));
        assertEquals(1.0, v05.scores().get("sgd"));
        // v0.6 ignores variants: adamw (10 s) is best; sgd (20 s) has ratio 2 = tau_33 exactly, on the only
        // workload: rho = 0 on tau_0..tau_32 and 1 from tau_33: (0 + 1)/2 / 33 + 66/33 = 66.5/33; score 66.5/99.
        ScoreReport v06 = Scoring.score(input, RuleVersion.V0_6);
        assertEquals(1.0, v06.scores().get("adamw"));
        assertEquals(66.5 / 99, v06.scores().get("sgd"), 1e-12);
    }

    @Test
    void trialsOfOneWorkloadWithDifferentTargetsAreBadInput() {
        trial("adamw", "mnist", null, 0, 1, 0.9, true, 10, 0.95);
        trial("sgd", "mnist", null, 0, 1, 0.8, true, 10, 0.95);
        BadInputException e = assertThrows(BadInputException.class, () -> RecordTimes.read(root));
        assertTrue(e.getMessage().contains("workload 'mnist'"), e.getMessage());
        assertTrue(e.getMessage().contains("sgd"), e.getMessage());
    }

    @Test
    void onlyOneHardwareClassIsScoredAtATime() {
        trialOn("cpu-2core", "adamw", "mnist", null, 0, 1, 0.9, true, 10, 0.95);
        trialOn("h100", "sgd", "mnist", null, 0, 1, 0.9, true, 1, 0.95);
        BadInputException mixed = assertThrows(BadInputException.class, () -> RecordTimes.read(root));
        assertEquals(root + ": trials come from hardware classes cpu-2core, h100; times compare within one class: "
                + "choose one (--hardware-class)", mixed.getMessage());
        ScoringInput cpu = RecordTimes.read(root, "cpu-2core");
        assertEquals(List.of("adamw"), cpu.times().submissions());
        assertEquals(10.0, cpu.times().time("adamw", "mnist"));
        BadInputException none = assertThrows(BadInputException.class, () -> RecordTimes.read(root, "tpu"));
        assertEquals(root + ": no trial of hardware class 'tpu'; found: cpu-2core, h100", none.getMessage());
    }

    @Test
    void aRootWithoutCompleteTrialsIsBadInput() {
        trial("adamw", "mnist", null, 0, 1, 0.9, false, 10, 0.95);
        BadInputException e = assertThrows(BadInputException.class, () -> RecordTimes.read(root));
        assertEquals(root + ": no complete trial directories (none has a trial.json)", e.getMessage());
    }

    @Test
    void trialsTimedByDifferentClocksAreRefusedInOneLine() {
        // Given two CPU-timed trials and one record older than the clock field (which counts as wall).
        trialWith(b -> b.clock("cpu"), "adamw", "mnist", null, 0, 1, 0.9, true, 10, 0.95);
        trialWith(b -> b.clock("cpu"), "adamw", "mnist", null, 1, 1, 0.9, true, 12, 0.95);
        trialWith(b -> b, "sgd", "mnist", null, 0, 1, 0.9, true, 20, 0.95);
        BadInputException mixed = assertThrows(BadInputException.class, () -> RecordTimes.read(root));
        assertEquals(root + ": trials were timed by different clocks: cpu (2 trials), wall (1 trial) (records "
                + "without a clock field count as wall); times compare within one clock: score each clock's records "
                + "apart", mixed.getMessage());
        assertEquals(1, mixed.getMessage().lines().count());
    }

    @Test
    void oldRecordsAndWallRecordsAreOneClock() {
        trialWith(b -> b.clock("wall"), "adamw", "mnist", null, 0, 1, 0.9, true, 10, 0.95);
        trialWith(b -> b, "sgd", "mnist", null, 0, 1, 0.9, true, 20, 0.95);
        assertEquals(10.0, RecordTimes.read(root).times().time("adamw", "mnist"));
    }

    @Test
    void timesAreInReferenceSecondsOfTheHardwareClass() {
        // adamw ran on the class's reference machine and reached 0.9 at 15 s. sgd ran on a machine 1.3 times
        // slower: its budget was scaled by 1.3 and it measured 27.3 s for what takes 21 s on the reference.
        trial("adamw", "mnist", null, 0, 1, 0.9, true, 10, 0.5, 15, 0.95);
        trialWith(b -> b.budgetScale(1.3), "sgd", "mnist", null, 0, 1, 0.9, true, 13, 0.5, 27.3, 0.95);
        ScoringInput input = RecordTimes.read(root);
        assertEquals(15.0, input.times().time("adamw", "mnist"));
        assertEquals(21.0, input.times().time("sgd", "mnist"), 1e-9); // 27.3 / 1.3
        // Ratio 21 / 15 = 1.4 lies between tau_13 = 1.3939 and tau_14 = 1.4242 (tau_i = 1 + i/33): rho = 1 from
        // tau_14, so (0.5 + 85) / 33, divided by 3: 85.5 / 99. Unscaled (27.3 / 15 = 1.82) it would be lower.
        ScoreReport report = Scoring.score(input, RuleVersion.V0_6);
        assertEquals(85.5 / 99, report.scores().get("sgd"), 1e-12);
    }
}
