package org.optbench.harness.launch;

import org.optbench.api.BadInputException;
import org.optbench.harness.trial.ClockKind;

/**
 * How a trial runs, whatever it trains: the part of a {@link TrialRequest} that a study sets once for all its trials.
 * Every executor hands a trial these settings and nothing else, serialised in its request.
 *
 * @param dataDir a directory with the full MNIST IDX files for the {@code mnist_mlp} family, or {@code null} for the
 *     copy the build fetched
 * @param evalPeriodSeconds an eval period that replaces the workloads', or {@code null}
 * @param hardwareClass the hardware class the budget belongs to and the record names
 * @param stopAtTargets whether a trial ends once both targets are reached (false for calibration runs)
 * @param submissionJar the submission's jar, or {@code null} for a built-in submission
 * @param submissionClass for a jar that offers several submissions, the class to use; else {@code null}
 * @param clock what times the trial
 * @param budgetScale the factor the plan's budget is multiplied by on this machine (the speed probe's ratio)
 * @param limits heap, native memory and stall limit of the trial JVM
 * @param sandbox whether the trial JVM runs confined by the operating system
 */
public record TrialSettings(String dataDir, Double evalPeriodSeconds, String hardwareClass, boolean stopAtTargets,
                            String submissionJar, String submissionClass, ClockKind clock, double budgetScale,
                            Limits limits, SandboxMode sandbox) {

    /** Checks the values a request file could carry wrongly. */
    public TrialSettings {
        if (clock == null) {
            clock = ClockKind.CPU;
        }
        if (limits == null) {
            limits = Limits.defaults();
        }
        if (sandbox == null) {
            sandbox = SandboxMode.AUTO;
        }
        if (!(budgetScale > 0) || Double.isInfinite(budgetScale)) {
            throw new BadInputException("trial settings: budget_scale must be a positive number, got " + budgetScale);
        }
        if (evalPeriodSeconds != null && !(evalPeriodSeconds >= 0)) {
            throw new BadInputException("--eval-period-seconds must be 0 or more, got " + evalPeriodSeconds);
        }
    }

    /** Bundled data, the workloads' eval periods, the reference class, built-in submissions, the CPU clock. */
    public static TrialSettings defaults() {
        return new TrialSettings(null, null, null, true, null, null, ClockKind.CPU, 1.0, Limits.defaults(),
                SandboxMode.AUTO);
    }

    /** These settings with a data directory. */
    public TrialSettings withDataDir(String dir) {
        return new TrialSettings(dir, evalPeriodSeconds, hardwareClass, stopAtTargets, submissionJar, submissionClass,
                clock, budgetScale, limits, sandbox);
    }

    /** These settings with an eval period override. */
    public TrialSettings withEvalPeriodSeconds(Double seconds) {
        return new TrialSettings(dataDir, seconds, hardwareClass, stopAtTargets, submissionJar, submissionClass,
                clock, budgetScale, limits, sandbox);
    }

    /** These settings with a hardware class. */
    public TrialSettings withHardwareClass(String name) {
        return new TrialSettings(dataDir, evalPeriodSeconds, name, stopAtTargets, submissionJar, submissionClass,
                clock, budgetScale, limits, sandbox);
    }

    /** These settings with trials that run past their targets (or not). */
    public TrialSettings withStopAtTargets(boolean stop) {
        return new TrialSettings(dataDir, evalPeriodSeconds, hardwareClass, stop, submissionJar, submissionClass,
                clock, budgetScale, limits, sandbox);
    }

    /** These settings with a submission jar (and the class to take from it, or {@code null}). */
    public TrialSettings withSubmissionJar(String jar, String className) {
        return new TrialSettings(dataDir, evalPeriodSeconds, hardwareClass, stopAtTargets, jar, className, clock,
                budgetScale, limits, sandbox);
    }

    /** These settings with another clock. */
    public TrialSettings withClock(ClockKind kind) {
        return new TrialSettings(dataDir, evalPeriodSeconds, hardwareClass, stopAtTargets, submissionJar,
                submissionClass, kind, budgetScale, limits, sandbox);
    }

    /** These settings with another budget scale. */
    public TrialSettings withBudgetScale(double scale) {
        return new TrialSettings(dataDir, evalPeriodSeconds, hardwareClass, stopAtTargets, submissionJar,
                submissionClass, clock, scale, limits, sandbox);
    }

    /** These settings with other limits. */
    public TrialSettings withLimits(Limits newLimits) {
        return new TrialSettings(dataDir, evalPeriodSeconds, hardwareClass, stopAtTargets, submissionJar,
                submissionClass, clock, budgetScale, newLimits, sandbox);
    }

    /** These settings with another sandbox mode. */
    public TrialSettings withSandbox(SandboxMode mode) {
        return new TrialSettings(dataDir, evalPeriodSeconds, hardwareClass, stopAtTargets, submissionJar,
                submissionClass, clock, budgetScale, limits, mode);
    }
}
