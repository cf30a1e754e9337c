package org.optbench.harness.isolation;

import org.optbench.api.Submission;
import org.optbench.harness.catalog.SubmissionSource;

/**
 * How trials run on this installation, whatever they train: where the data lives, an eval period override, the
 * hardware class to record, whether a trial stops at its targets, and where a submission jar is.
 *
 * @param dataDir a directory with the full MNIST IDX files for the {@code mnist_mlp} family, or {@code null} for the
 *     copy the build fetched
 * @param evalPeriodSeconds an eval period that replaces the workloads', or {@code null}
 * @param hardwareClass the hardware class to record, or {@code null} to derive it from the machine
 * @param stopAtTargets whether a trial ends once both targets are reached (false for calibration runs)
 * @param submissionJar the submission's jar, or {@code null} for a built-in submission
 * @param submissionClass for a jar that offers several submissions, the class to use; else {@code null}
 */
public record TrialSettings(String dataDir, Double evalPeriodSeconds, String hardwareClass, boolean stopAtTargets,
                            String submissionJar, String submissionClass) {

    /** Bundled data, the workloads' eval periods, the machine's class, built-in submissions. */
    public static TrialSettings defaults() {
        return new TrialSettings(null, null, null, true, null, null);
    }

    /** These settings with a data directory. */
    public TrialSettings withDataDir(String dir) {
        return new TrialSettings(dir, evalPeriodSeconds, hardwareClass, stopAtTargets, submissionJar, submissionClass);
    }

    /** These settings with an eval period override. */
    public TrialSettings withEvalPeriodSeconds(Double seconds) {
        return new TrialSettings(dataDir, seconds, hardwareClass, stopAtTargets, submissionJar, submissionClass);
    }

    /** These settings with a hardware class. */
    public TrialSettings withHardwareClass(String name) {
        return new TrialSettings(dataDir, evalPeriodSeconds, name, stopAtTargets, submissionJar, submissionClass);
    }

    /** These settings with trials that run past their targets. */
    public TrialSettings runningPastTargets() {
        return new TrialSettings(dataDir, evalPeriodSeconds, hardwareClass, false, submissionJar, submissionClass);
    }

    /** These settings with a submission jar (and the class to take from it, or {@code null}). */
    public TrialSettings withSubmissionJar(String jar, String className) {
        return new TrialSettings(dataDir, evalPeriodSeconds, hardwareClass, stopAtTargets, jar, className);
    }

    /** A fresh instance of the submission named {@code name}: from the jar when there is one, else built in. */
    public Submission loadSubmission(String name) {
        return submissionJar != null ? SubmissionSource.load(submissionJar, submissionClass)
                : SubmissionSource.load(name);
    }
}
