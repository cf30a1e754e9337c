package org.optbench.harness.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.optbench.api.EvalResult;
import org.optbench.harness.trial.TrialListener;
import org.optbench.workloads.WorkloadSpec;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a trial's progress: on a terminal, a progress bar over the budget's submission time with the step and the
 * last validation metric; elsewhere (logs, CI), one line per evaluation.
 */
final class TrialProgress implements TrialListener, AutoCloseable {
    private final WorkloadSpec workload;
    private final ProgressBar bar;
    private final PrintWriter lines;
    private String lastMetric = "-";

    private TrialProgress(WorkloadSpec workload, ProgressBar bar, PrintWriter lines) {
        this.workload = workload;
        this.bar = bar;
        this.lines = lines;
    }

    /** A bar when standard error is a terminal, else evaluation lines on {@code err}. */
    static TrialProgress start(String taskName, WorkloadSpec workload, double budgetSeconds, PrintWriter err) {
        if (System.console() == null) {
            return new TrialProgress(workload, null, err);
        }
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(taskName)
                .setInitialMax(Math.round(budgetSeconds * 10))
                .setUnit(" s", 10)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .continuousUpdate()
                .hideEta()
                .build();
        return new TrialProgress(workload, bar, null);
    }

    @Override
    public void onStep(long step, double submissionSeconds) {
        if (bar != null) {
            bar.stepTo(Math.min(bar.getMax(), Math.round(submissionSeconds * 10)));
            bar.setExtraMessage(String.format(Locale.ROOT, " step %d, validation %s %s", step, workload.metric(),
                    lastMetric));
        }
    }

    @Override
    public void onEvaluation(EvalResult evaluation) {
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
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
