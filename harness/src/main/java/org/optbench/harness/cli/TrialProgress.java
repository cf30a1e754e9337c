package org.optbench.harness.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.optbench.api.EvalResult;
import org.optbench.harness.launch.TrialRecordFactory;
import org.optbench.harness.launch.TrialRequest;
import org.optbench.harness.study.StudyProgress;
import org.optbench.harness.trial.TrialListener;
import org.optbench.workloads.WorkloadSpec;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows one trial's progress ({@code optbench run}): on a terminal, a progress bar over the budget's submission
 * time with the step and the last validation metric; elsewhere (logs, CI), one line per evaluation.
 */
final class TrialProgress implements StudyProgress, TrialListener, AutoCloseable {
    private final String taskName;
    private final WorkloadSpec workload;
    private final PrintWriter lines;
    private ProgressBar bar;
    private String lastMetric = "-";

    private TrialProgress(String taskName, WorkloadSpec workload, PrintWriter lines) {
        this.taskName = taskName;
        this.workload = workload;
        this.lines = lines;
    }

    /** A bar once the trial starts, when standard error is a terminal; else evaluation lines on {@code err}. */
    static TrialProgress start(String taskName, WorkloadSpec workload, PrintWriter err) {
        return new TrialProgress(taskName, workload, err);
    }

    @Override
    public synchronized TrialListener trialStarting(TrialRequest trial) {
        if (System.console() != null) {
            bar = new ProgressBarBuilder().setTaskName(taskName)
                    .setInitialMax(Math.round(TrialRecordFactory.effectiveBudget(trial) * 10)).setUnit(" s", 10)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate().hideEta()
                    .build();
        }
        return this;
    }

    @Override
    public synchronized void onStep(long step, double submissionSeconds) {
        if (bar != null) {
            bar.stepTo(Math.min(bar.getMax(), Math.round(submissionSeconds * 10)));
            bar.setExtraMessage(String.format(Locale.ROOT, " step %d, %s %s", step, workload.metric(), lastMetric));
        }
    }

    @Override
    public synchronized void onEvaluation(EvalResult evaluation) {
        double value = evaluation.metrics().getOrDefault("validation/" + workload.metric(), Double.NaN);
        lastMetric = String.format(Locale.ROOT, "%.4f", value);
        if (bar != null) {
            onStep(evaluation.step(), evaluation.submissionSeconds());
        } else {
            lines.printf(Locale.ROOT, "  step %7d  submission time %8.2f s  validation %s %s%n", evaluation.step(),
                    evaluation.submissionSeconds(), workload.metric(), lastMetric);
            lines.flush();
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
