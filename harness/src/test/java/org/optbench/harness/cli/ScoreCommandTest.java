package org.optbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.results.records.EvalRow;
import org.optbench.results.records.StopReason;
import org.optbench.api.MetricDirection;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialRecordBuilder;
import org.optbench.results.records.TrialRecordWriter;
import picocli.CommandLine;

class ScoreCommandTest {
    /**
     * The AlgoPerf v0.6 logs (mlcommons/submissions_algorithms, Apache-2.0) kept in the results module's test
     * resources; Maven runs this test in the harness module's directory.
     */
    static final Path V06 = Path.of("../results/src/test/resources/algoperf-v06").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ScoreCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void scoresTheAlgoPerfV06LogsAsPublishedInCsv() {
        Run run = run("--algoperf-logs", V06.resolve("external_tuning").toString(),
                "--targets", V06.resolve("targets.json").toString(), "--format", "csv");
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().split("\n");
        assertEquals("submission,score", lines[0]);
        assertTrue(lines[1].startsWith("shampoo,0.6243"), run.out()); // published 0.6244
        assertTrue(lines[2].startsWith("baseline,0.4589"), run.out()); // published 0.4590
        assertEquals(0.6244, Double.parseDouble(lines[1].split(",")[1]), 1e-4);
        assertEquals(0.4590, Double.parseDouble(lines[2].split(",")[1]), 1e-4);
    }

    @Test
    void tablePrintsTimesRatiosAndScores() {
        Run run = run("--algoperf-logs", V06.resolve("external_tuning").toString(),
                "--targets", V06.resolve("targets.json").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("AlgoPerf v0.6 rules: 8 base workloads, 2 submissions"), run.out());
        assertTrue(run.out().contains("Ratio to the best time"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("shampoo\\s+0\\.6244")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("baseline\\s+0\\.4590")), run.out());
    }

    @Test
    void timesCsvWithHeldOutVariantsUnderV05() throws IOException {
        // B missed the held-out variant of W1, so under v0.5 its W1 time becomes inf: rho_B = 1/2 -> score 0.5.
        Path csv = Files.writeString(tmp.resolve("times.csv"), """
                submission,workload,seconds
                A,W1,100
                A,W1_v,100
                A,W2,100
                B,W1,100
                B,W1_v,inf
                B,W2,100
                """);
        Run v05 = run("--times", csv.toString(), "--held-out", "W1_v=W1", "--rule-version", "v0.5", "--format", "csv");
        assertEquals(0, v05.exitCode(), v05.err());
        assertEquals("submission,score\nA,1.000000\nB,0.500000\n", v05.out());
        Run v06 = run("--times", csv.toString(), "--held-out", "W1_v=W1", "--format", "csv");
        assertEquals("submission,score\nA,1.000000\nB,1.000000\n", v06.out());
    }

    /** One complete trial with a single evaluation at {@code seconds} that reaches the 0.9 accuracy target. */
    void record(String submission, int study, double seconds) {
        TrialRecordWriter writer = TrialRecordWriter.create(tmp.resolve("runs"), submission, study, "mnist", 1);
        writer.writeHyperParameters(Map.of("learning_rate", 0.01));
        writer.appendEval(new EvalRow(100, 0, seconds, 1, 0, seconds + 1, Map.of("validation/accuracy", 0.95)));
        writer.complete(new TrialRecordBuilder().submission(submission).workload("mnist").study(study).seed(1)
                .hyperparameters(Map.of("learning_rate", 0.01)).budgetSeconds(100).metric("accuracy")
                .metricDirection(MetricDirection.HIGHER).validationTarget(0.9).testTarget(0.9)
                .hardwareClass("cpu").reachedValidationTarget(true).reachedTestTarget(true)
                .timeToTargetSeconds(seconds).steps(100).evals(1).submissionSeconds(seconds).evalSeconds(1)
                .wallSeconds(seconds + 1).stepTimeMedianSeconds(seconds / 100).peakRssBytes(1).stateBytes(1)
                .stopReason(StopReason.TARGETS_REACHED).optbenchVersion("test")
                .startedAt("2026-11-27T00:00:00Z").build());
    }

    @Test
    void scoresOptbenchRecords() {
        // adamw: studies at 10 s and 20 s -> median 15. sgd: 30 s and 60 s -> median 45, ratio 3 = tau_66 exactly.
        // sgd's rho = 0 on tau_0..tau_65 and 1 from tau_66: (0 + 1)/2 / 33 + 33/33 = 33.5/33; score 33.5/99.
        record("adamw", 0, 10);
        record("adamw", 1, 20);
        record("sgd", 0, 30);
        record("sgd", 1, 60);
        Run run = run("--records", tmp.resolve("runs").toString(), "--format", "csv");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("submission,score\nadamw,1.000000\nsgd," + String.format(Locale.ROOT, "%.6f", 33.5 / 99) + "\n",
                run.out());
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() throws IOException {
        Path csv = Files.writeString(tmp.resolve("times.csv"), "submission,workload,seconds\nA,W1,soon\n");
        Run bad = run("--times", csv.toString());
        assertEquals(2, bad.exitCode());
        assertEquals("error: " + csv + " line 2 column seconds: expected a positive number or inf, got 'soon'\n",
                bad.err());

        Run missing = run("--algoperf-logs", tmp.toString());
        assertEquals(2, missing.exitCode());
        assertEquals("error: --algoperf-logs needs --targets FILE\n", missing.err());

        Run version = run("--times", csv.toString(), "--rule-version", "v0.4");
        assertEquals(2, version.exitCode());
        assertEquals("error: rule version must be v0.5 or v0.6, got 'v0.4'\n", version.err());

        Run none = run();
        assertEquals(2, none.exitCode());
        assertTrue(none.err().startsWith("error: give exactly one of"), none.err());
    }
}
