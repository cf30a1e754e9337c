package org.optbench.harness.launch;

import java.util.Locale;

import org.optbench.harness.trial.ClockKind;

/**
 * The launcher's last word on a trial's budget, for a step that never ends (the trial checks its budget itself
 * after every step). The time a trial has used is its own last report of submission time plus what its process
 * tree has spent since that report: counting from the trial's report, not from the clock's start, keeps out what
 * the trial's clock rightly leaves out, such as its JIT compilers' CPU time (8.6 s of a 24-s Shampoo trial on
 * ctr_dlrm, which a backstop counting the whole process killed as over budget at step 451).
 *
 * <p>Past {@code budget * FACTOR + SECONDS} so measured, the trial is killed. A second, looser bound on the
 * whole process tree ({@code budget * 2 + 30 s}, less the evaluations) holds even if the reports were wrong.
 */
final class BudgetBackstop {
    static final double FACTOR = 1.1;
    static final double SECONDS = 5;
    static final double WHOLE_FACTOR = 2;
    static final double WHOLE_SECONDS = 30;

    private final ClockKind clock;
    private final double budget;
    private final double cpuAtStart;
    private final long wallAtStart;
    private double reportedSeconds;
    private double cpuAtReport;
    private long wallAtReport;

    /**
     * @param clock what times the trial
     * @param budget its budget in seconds
     * @param cpuAtStart the process tree's CPU seconds when the trial's clock started
     * @param wallAtStart {@link System#nanoTime()} then
     */
    BudgetBackstop(ClockKind clock, double budget, double cpuAtStart, long wallAtStart) {
        this.clock = clock;
        this.budget = budget;
        this.cpuAtStart = cpuAtStart;
        this.wallAtStart = wallAtStart;
        this.cpuAtReport = cpuAtStart;
        this.wallAtReport = wallAtStart;
    }

    /** The trial reported {@code submissionSeconds} of use; the process tree had spent {@code cpuSeconds} by then. */
    void reported(double submissionSeconds, double cpuSeconds, long wallNanos) {
        reportedSeconds = submissionSeconds;
        cpuAtReport = cpuSeconds;
        wallAtReport = wallNanos;
    }

    /** The time used by now as this backstop counts it: the last report plus the process's use since. */
    double used(double cpuSeconds, long wallNanos) {
        return reportedSeconds + (clock == ClockKind.CPU ? cpuSeconds - cpuAtReport : (wallNanos - wallAtReport) / 1e9);
    }

    /**
     * Why the trial must be killed now, or {@code null}.
     *
     * @param untimedSeconds the evaluations' and logging's time the trial has reported so far
     */
    String verdict(double cpuSeconds, long wallNanos, double untimedSeconds) {
        double used = used(cpuSeconds, wallNanos);
        double whole = (clock == ClockKind.CPU ? cpuSeconds - cpuAtStart : (wallNanos - wallAtStart) / 1e9)
                - untimedSeconds;
        if (used > budget * FACTOR + SECONDS) {
            return String.format(Locale.ROOT, "over budget: %.1f s of %s time inside one step, past the %.1f-s "
                    + "budget; the trial JVM was killed", used, clock.label(), budget);
        }
        if (whole > budget * WHOLE_FACTOR + WHOLE_SECONDS) {
            return String.format(Locale.ROOT, "over budget: its processes spent %.1f s of %s time outside "
                    + "evaluations, past twice the %.1f-s budget; the trial JVM was killed", whole, clock.label(), budget);
        }
        return null;
    }
}
