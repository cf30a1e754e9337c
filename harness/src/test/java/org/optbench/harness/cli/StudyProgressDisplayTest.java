package org.optbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.optbench.api.EvalResult;
import org.optbench.api.MetricDirection;
import org.optbench.harness.launch.TrialRequest;
import org.optbench.harness.trial.TrialListener;
import org.optbench.results.records.StopReason;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialRecordBuilder;
import org.optbench.tuning.plan.Ruleset;
import org.optbench.tuning.plan.TrialSpec;

/**
 * The study's progress display: plain lines with the time left in a log; on a terminal, a status block with one line
 * per running trial, each cut to the terminal's width, so that redrawing it in place never wraps.
 */
class StudyProgressDisplayTest {
    private static TrialRequest request(String workload, int study) {
        return TrialRequest.of(new TrialSpec("adamw", workload, "local", Ruleset.Kind.SELF_TUNING, study, 1,
                Map.of(), 1, 20));
    }

    private static TrialRecord missed(String workload, int study) {
        return new TrialRecordBuilder().submission("adamw").workload(workload).study(study).metric("accuracy")
                .metricDirection(MetricDirection.HIGHER).validationTarget(0.9836).bestValidationValue(0.9765)
                .stopReason(StopReason.BUDGET).build();
    }

    /**
     * Two trials at once on a 20-s budget each, a third waiting: what the display writes for it. The first trial
     * finishes 10 s of wall time after the start.
     */
    private static String drive(boolean terminal, int width) {
        StringWriter out = new StringWriter();
        long[] now = {0};
        try (StudyProgressDisplay display = new StudyProgressDisplay(new PrintWriter(out), terminal, width,
                () -> now[0])) {
            display.starting(3, 0, 60, 2);
            TrialListener first = display.trialStarting(request("mnist_autoencoder_sigmoid", 0));
            TrialListener second = display.trialStarting(request("mnist_autoencoder_sigmoid", 1));
            first.onEvaluation(new EvalResult(100, 10, Map.of("validation/accuracy", 0.97)));
            second.onStep(50, 5);
            now[0] = 10_000_000_000L;
            display.trialFinished(request("mnist_autoencoder_sigmoid", 0), missed("mnist_autoencoder_sigmoid", 0));
        }
        return out.toString();
    }

    @Test
    void aLogGetsPlainLinesWithTheMarginOfAMissAndTheTimeLeft() {
        String log = drive(false, 80);
        assertFalse(log.contains("\033"), "no terminal control in a log: " + log);
        List<String> lines = log.lines().toList();
        assertEquals("3 trials to run (0 already complete), 2 at a time: at most 30 s of training", lines.get(0));
        // Left: the third trial's 20 s of budget and the second's 15, 35 s; spent so far: the first trial's 10 s and
        // the second's 5, in 10 s of wall time: 35 * 10 / 15 = 23.3 s of wall time.
        assertEquals("[1/3] adamw/study_0/mnist_autoencoder_sigmoid/trial_1: missed the target (best 0.97650, "
                + "target 0.98360; budget); about 23 s left", lines.get(1));
        assertEquals(2, lines.size());
    }

    @Test
    void aTerminalGetsAStatusBlockOfOneLinePerRunningTrialCutToItsWidth() {
        for (int width : List.of(80, 40)) {
            String screen = drive(true, width);
            String status = "[0/3 done, 2 running] at most 30 s of training left";
            assertTrue(screen.contains(width > status.length() ? status : status.substring(0, width - 2) + "~"),
                    screen);
            String firstTrial = "   50% adamw/mnist_autoencoder_sigmoid/0/1 accuracy 0.97000";
            assertTrue(screen.contains(width > firstTrial.length() ? firstTrial
                    : firstTrial.substring(0, width - 2) + "~"), screen);
            String[] segments = screen.split("\033\\[2K");
            for (int i = 1; i < segments.length; i++) {
                // Each redrawn line of the block (the lines before it are plain and may wrap).
                String line = segments[i].split("\n", -1)[0].replaceAll("\033\\[\\d+F", "");
                assertTrue(line.length() < width, width + " columns: '" + line + "' is " + line.length() + " long");
            }
            // The finished trial's line, wrapped at spaces: every piece fits but a single word longer than a line
            // (the trial's label at 40 columns), which is never split; together they are the log's line.
            List<String> pieces = screen.replaceAll("\033\\[\\d*[A-Z]", "").lines()
                    .dropWhile(l -> !l.startsWith("[1/3]")).takeWhile(l -> !l.isBlank() && !l.startsWith("[1/3 "))
                    .toList();
            assertTrue(pieces.size() > 1, screen);
            for (String piece : pieces) {
                assertTrue(piece.length() < width || !piece.strip().contains(" "), width + " columns: '" + piece + "'");
            }
            assertEquals(drive(false, width).lines().toList().get(1),
                    String.join(" ", pieces.stream().map(String::strip).toList()));
        }
    }
}
