package org.optbench.harness.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.optbench.api.EvalResult;
import org.optbench.harness.study.StudyProgress;
import org.optbench.harness.trial.TrialListener;
import org.optbench.results.records.TrialRecord;
import org.optbench.tuning.plan.TrialSpec;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A study's progress: on a terminal, one bar over the total budget of the trials to run (each finished trial
 * counts its whole budget, so the ETA is an upper bound that tightens as trials finish early); elsewhere, a line
 * per finished trial.
 */
final class StudyProgressDisplay implements StudyProgress, AutoCloseable {
    private final PrintWriter lines;
    private ProgressBar bar;
    private int toRun;
    private int done;
    private double finishedBudget;

    StudyProgressDisplay(PrintWriter lines) {
        this.lines = lines;
    }

    @Override
    public void starting(int toRun, int alreadyComplete, double totalBudgetSeconds) {
        this.toRun = toRun;
        this.done = 0;
        this.finishedBudget = 0;
        close();
        bar = null;
        lines.printf(Locale.ROOT, "%d trials to run (%d already complete), at most %.0f s of submission time%n",
                toRun, alreadyComplete, totalBudgetSeconds);
        lines.flush();
        if (System.console() != null && toRun > 0) {
            bar = new ProgressBarBuilder().setTaskName("study").setInitialMax(Math.round(totalBudgetSeconds * 10))
                    .setUnit(" s", 10).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                    .continuousUpdate().build();
        }
    }

    @Override
    public TrialListener trialStarting(TrialSpec spec) {
        if (bar != null) {
            bar.setExtraMessage(String.format(Locale.ROOT, " trial %d/%d %s", done + 1, toRun, spec.label()));
        }
        return new TrialListener() {
            @Override
            public void onStep(long step, double submissionSeconds) {
                if (bar != null) {
                    bar.stepTo(Math.round((finishedBudget + Math.min(submissionSeconds, spec.budgetSeconds())) * 10));
                }
            }

            @Override
            public void onEvaluation(EvalResult evaluation) {
                onStep(evaluation.step(), evaluation.submissionSeconds());
            }
        };
    }

    @Override
    public void trialFinished(TrialSpec spec, TrialRecord record) {
        done++;
        finishedBudget += spec.budgetSeconds();
        if (bar != null) {
            bar.stepTo(Math.round(finishedBudget * 10));
        }
        String outcome = record.failure() != null ? "failed: " + record.failure()
                : record.reachedValidationTarget()
                        ? String.format(Locale.ROOT, "reached the target in %.2f s", record.timeToTargetSeconds())
                        : "missed the target (" + record.stopReason().json() + ")";
        String line = String.format(Locale.ROOT, "[%d/%d] %s: %s", done, toRun, spec.label(), outcome);
        if (bar != null) {
            bar.setExtraMessage(" " + line);
        } else {
            lines.println(line);
            lines.flush();
        }
    }

    @Override
    public void note(String line) {
        lines.println(line);
        lines.flush();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
