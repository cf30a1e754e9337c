package org.optbench.harness.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

import org.optbench.api.EvalResult;
import org.optbench.harness.launch.TrialRecordFactory;
import org.optbench.harness.launch.TrialRequest;
import org.optbench.harness.study.StudyProgress;
import org.optbench.harness.trial.TrialListener;
import org.optbench.results.records.TrialRecord;

/**
 * A study's progress: one line per finished trial, with an estimate of the wall time left, and on a terminal a
 * status block under them, redrawn in place: the time left, then one line per running trial with its share of its
 * budget and its last validation value, each cut to the terminal's width ({@code COLUMNS}, which the launcher sets
 * from the terminal; 80 by default), so it reads at 80 and at 40 columns; there the finished lines are wrapped at
 * spaces. Elsewhere (CI logs) only the plain lines, one per trial.
 *
 * <p>The estimate: until a trial has finished, the budgets still to spend divided by how many run at once ("at most
 * N of training": trials that reach their targets end early, but start-up and evaluations are not in it); from then
 * on, those budgets at the rate the study has spent budget per second of wall time so far ("about N left"), which
 * carries start-up, evaluations and early stops. Trials run on several threads at once, so every method is
 * synchronised.
 */
final class StudyProgressDisplay implements StudyProgress, AutoCloseable {
    private final PrintWriter lines;
    private final boolean terminal;
    private final int width;
    private final LongSupplier nanoTime;
    private long startedNanos;
    private double budgetSpent;
    private final Map<String, double[]> running = new LinkedHashMap<>();
    private final Map<String, String> lastMetric = new LinkedHashMap<>();
    private int toRun;
    private int done;
    private int parallel = 1;
    private double budgetLeft;
    private int statusLines;

    StudyProgressDisplay(PrintWriter lines) {
        this(lines, System.console() != null, terminalWidth(), System::nanoTime);
    }

    /**
     * @param terminal whether to draw the status block (a terminal) or only plain lines (a log)
     * @param width the terminal's columns
     * @param nanoTime the wall clock the estimate of the time left reads
     */
    StudyProgressDisplay(PrintWriter lines, boolean terminal, int width, LongSupplier nanoTime) {
        this.lines = lines;
        this.terminal = terminal;
        this.width = width;
        this.nanoTime = nanoTime;
    }

    @Override
    public synchronized void starting(int trials, int alreadyComplete, double totalBudgetSeconds, int atOnce) {
        toRun = trials;
        done = 0;
        parallel = Math.max(1, atOnce);
        budgetLeft = totalBudgetSeconds;
        budgetSpent = 0;
        startedNanos = nanoTime.getAsLong();
        running.clear();
        lines.printf(Locale.ROOT, "%d trials to run (%d already complete), %d at a time: at most %s of training%n",
                trials, alreadyComplete, parallel, duration(totalBudgetSeconds / parallel));
        lines.flush();
    }

    @Override
    public synchronized TrialListener trialStarting(TrialRequest trial) {
        String label = trial.spec().label();
        double budget = TrialRecordFactory.effectiveBudget(trial);
        running.put(label, new double[] {0, budget});
        showStatus();
        return new TrialListener() {
            @Override
            public void onStep(long step, double submissionSeconds) {
                progress(label, submissionSeconds);
            }

            @Override
            public void onEvaluation(EvalResult evaluation) {
                metric(label, evaluation);
                progress(label, evaluation.submissionSeconds());
            }
        };
    }

    private synchronized void metric(String label, EvalResult evaluation) {
        evaluation.metrics().entrySet().stream().filter(e -> e.getKey().startsWith("validation/")).findFirst()
                .ifPresent(e -> lastMetric.put(label, e.getKey().substring("validation/".length()) + " "
                        + number(e.getValue())));
    }

    private synchronized void progress(String label, double submissionSeconds) {
        double[] state = running.get(label);
        if (state != null) {
            state[0] = Math.min(submissionSeconds, state[1]);
            showStatus();
        }
    }

    @Override
    public synchronized void trialFinished(TrialRequest trial, TrialRecord record) {
        done++;
        double[] state = running.remove(trial.spec().label());
        lastMetric.remove(trial.spec().label());
        budgetLeft -= state != null ? state[1] : TrialRecordFactory.effectiveBudget(trial);
        budgetSpent += state != null ? state[0] : 0;
        String outcome = record.failure() != null ? "failed: " + record.failure()
                : record.reachedValidationTarget()
                        ? String.format(Locale.ROOT, "reached the target in %.2f s", record.timeToTargetSeconds())
                        : String.format(Locale.ROOT, "missed the target (best %s, target %s; %s)",
                                number(record.bestValidationValue()), number(record.validationTarget()),
                                record.stopReason().json());
        clearStatus();
        String line = String.format(Locale.ROOT, "[%d/%d] %s: %s%s; %s", done, toRun,
                trial.spec().label(), outcome, record.contended() ? String.format(Locale.ROOT,
                        " (contended: %.0f %% CPU)", record.cpuShare() * 100) : "", left());
        lines.println(terminal ? wrap(line, width) : line);
        lines.flush();
        showStatus();
    }

    @Override
    public synchronized void note(String line) {
        clearStatus();
        lines.println(terminal ? wrap(line, width) : line);
        lines.flush();
        showStatus();
    }

    /** The time left: budget seconds still to spend over the trials at once, then at the rate seen so far. */
    private String left() {
        double remaining = budgetLeft;
        double spent = budgetSpent;
        for (double[] state : running.values()) {
            remaining -= state[0];
            spent += state[0];
        }
        remaining = Math.max(0, remaining);
        double wall = (nanoTime.getAsLong() - startedNanos) / 1e9;
        if (done == 0 || spent <= 0 || wall <= 0) {
            return "at most " + duration(remaining / parallel) + " of training left";
        }
        return "about " + duration(remaining * wall / spent) + " left";
    }

    private void showStatus() {
        if (!terminal || running.isEmpty()) {
            return;
        }
        StringBuilder block = new StringBuilder();
        if (statusLines > 0) {
            block.append("\033[").append(statusLines).append('F'); // back to the block's first line
        }
        List<String> status = new ArrayList<>();
        status.add(String.format(Locale.ROOT, "[%d/%d done, %d running] %s", done, toRun, running.size(),
                left()));
        for (Map.Entry<String, double[]> e : running.entrySet()) {
            String metric = lastMetric.getOrDefault(e.getKey(), "");
            status.add(String.format(Locale.ROOT, "  %3.0f%% %s %s", 100 * e.getValue()[0] / e.getValue()[1],
                    shortLabel(e.getKey()), metric));
        }
        for (String line : status) {
            block.append("\033[2K").append(cut(line, width)).append('\n');
        }
        for (int i = status.size(); i < statusLines; i++) {
            block.append("\033[2K\n"); // a trial finished: blank its old line
        }
        int drawn = Math.max(status.size(), statusLines);
        if (drawn > status.size()) {
            block.append("\033[").append(drawn - status.size()).append('F');
        }
        lines.print(block);
        lines.flush();
        statusLines = status.size();
    }

    private void clearStatus() {
        if (statusLines > 0) {
            StringBuilder block = new StringBuilder("\033[").append(statusLines).append('F');
            for (int i = 0; i < statusLines; i++) {
                block.append("\033[2K\n");
            }
            block.append("\033[").append(statusLines).append('F');
            lines.print(block);
            statusLines = 0;
        }
    }

    /** A line cut to {@code width - 1} columns, with {@code ~} where it was cut. */
    static String cut(String line, int width) {
        return line.length() < width ? line : line.substring(0, Math.max(0, width - 2)) + "~";
    }

    /**
     * A line broken at spaces into lines shorter than {@code width}, the later ones indented by four; a word longer
     * than a line is left whole (the terminal wraps it), never split.
     */
    static String wrap(String line, int width) {
        StringBuilder out = new StringBuilder();
        StringBuilder current = new StringBuilder();
        for (String word : line.split(" ")) {
            if (current.length() > 0 && current.length() + 1 + word.length() >= width) {
                out.append(current).append(System.lineSeparator());
                current.setLength(0);
                current.append("    ");
            }
            if (current.length() > 0 && !current.toString().isBlank()) {
                current.append(' ');
            }
            current.append(word);
        }
        return out.append(current).toString();
    }

    /** {@code adamw/study_0/mnist_mlp/trial_1} as {@code adamw/mnist_mlp/0/1}: the workload early, before a cut. */
    static String shortLabel(String label) {
        String[] parts = label.split("/");
        return parts.length == 4 ? parts[0] + "/" + parts[2] + "/" + parts[1].substring("study_".length()) + "/"
                + parts[3].substring("trial_".length()) : label;
    }

    /** The terminal's width from {@code COLUMNS}, or 80. */
    static int terminalWidth() {
        try {
            return Math.max(20, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80").trim()));
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 90 ? s + " s" : s < 5400 ? Math.round(s / 60.0) + " min"
                : String.format(Locale.ROOT, "%.1f h", s / 3600.0);
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.5g", v) : "-";
    }

    @Override
    public synchronized void close() {
        clearStatus();
        lines.flush();
    }
}
