package org.optbench.harness.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.optbench.api.EvalResult;
import org.optbench.harness.launch.TrialRecordFactory;
import org.optbench.harness.launch.TrialRequest;
import org.optbench.harness.study.StudyProgress;
import org.optbench.harness.trial.TrialListener;
import org.optbench.results.records.TrialRecord;

/**
 * A study's progress: one line per finished trial, with an estimate of the time left (the budgets of the trials
 * still to run and of the running ones' remainders, divided by how many run at once: an upper bound that tightens as
 * trials finish early), and on a terminal a status line that says which trials are running. Trials run on several
 * threads at once, so every method is synchronised.
 */
final class StudyProgressDisplay implements StudyProgress, AutoCloseable {
    private final PrintWriter lines;
    private final boolean terminal;
    private final Map<String, double[]> running = new LinkedHashMap<>();
    private int toRun;
    private int done;
    private int parallel = 1;
    private double budgetLeft;
    private boolean statusShown;

    StudyProgressDisplay(PrintWriter lines) {
        this(lines, System.console() != null);
    }

    StudyProgressDisplay(PrintWriter lines, boolean terminal) {
        this.lines = lines;
        this.terminal = terminal;
    }

    @Override
    public synchronized void starting(int trials, int alreadyComplete, double totalBudgetSeconds, int atOnce) {
        toRun = trials;
        done = 0;
        parallel = Math.max(1, atOnce);
        budgetLeft = totalBudgetSeconds;
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
                progress(label, evaluation.submissionSeconds());
            }
        };
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
        budgetLeft -= state != null ? state[1] : TrialRecordFactory.effectiveBudget(trial);
        String outcome = record.failure() != null ? "failed: " + record.failure()
                : record.reachedValidationTarget()
                        ? String.format(Locale.ROOT, "reached the target in %.2f s", record.timeToTargetSeconds())
                        : String.format(Locale.ROOT, "missed the target (best %s, target %s; %s)",
                                number(record.bestValidationValue()), number(record.validationTarget()),
                                record.stopReason().json());
        clearStatus();
        lines.printf(Locale.ROOT, "[%d/%d] %s: %s%s; at most %s left%n", done, toRun, trial.spec().label(), outcome,
                record.contended() ? String.format(Locale.ROOT, " (contended: %.0f %% CPU)", record.cpuShare() * 100)
                        : "", duration(left()));
        lines.flush();
        showStatus();
    }

    @Override
    public synchronized void note(String line) {
        clearStatus();
        lines.println(line);
        lines.flush();
        showStatus();
    }

    /** Budget seconds still to spend, over the trials that run at once. */
    private double left() {
        double remaining = budgetLeft;
        for (double[] state : running.values()) {
            remaining -= state[0];
        }
        return Math.max(0, remaining) / parallel;
    }

    private void showStatus() {
        if (!terminal || running.isEmpty()) {
            return;
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "[%d/%d] %s left; running:", done, toRun,
                duration(left())));
        for (Map.Entry<String, double[]> e : running.entrySet()) {
            s.append(String.format(Locale.ROOT, " %s %.0f%%", shortLabel(e.getKey()),
                    100 * e.getValue()[0] / e.getValue()[1]));
        }
        int width = terminalWidth();
        String status = s.length() > width - 1 ? s.substring(0, Math.max(0, width - 2)) + "~" : s.toString();
        lines.print("\r" + status + " ".repeat(Math.max(0, width - 1 - status.length())) + "\r");
        lines.flush();
        statusShown = true;
    }

    private void clearStatus() {
        if (statusShown) {
            lines.print("\r" + " ".repeat(terminalWidth() - 1) + "\r");
            statusShown = false;
        }
    }

    /** {@code adamw/study_0/mnist_mlp/trial_1} as {@code adamw/mnist_mlp#1}. */
    static String shortLabel(String label) {
        String[] parts = label.split("/");
        return parts.length == 4 ? parts[0] + "/" + parts[2] + "#" + parts[3].substring("trial_".length()) : label;
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
