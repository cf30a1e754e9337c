package org.optbench.harness.cli;

import java.nio.file.Path;
import java.util.Locale;

import org.optbench.results.records.TrialRecord;

/** The one-screen summary after a trial. */
final class Summary {
    private Summary() {
    }

    static String of(TrialRecord r, Path trialDir) {
        StringBuilder s = new StringBuilder();
        String verdict = r.failure() != null ? "FAILED (" + r.failure() + ")"
                : r.reachedValidationTarget() ? "reached the validation target" : "did not reach the validation target";
        s.append(String.format(Locale.ROOT, "%s on %s: %s%n", r.submission(), r.workload(), verdict));
        s.append(String.format(Locale.ROOT, "  validation target   %s %s %s%n", r.metric(),
                r.metricDirection().json().equals("higher") ? ">=" : "<=", r.validationTarget()));
        s.append(String.format(Locale.ROOT, "  time to target      %s%n", r.timeToTargetSeconds() == null ? "-"
                : String.format(Locale.ROOT, "%.2f s of %.0f s budget", r.timeToTargetSeconds(), r.budgetSeconds())));
        s.append(String.format(Locale.ROOT, "  stopped because     %s%n", r.stopReason().json()));
        s.append(String.format(Locale.ROOT, "  steps               %d%n", r.steps()));
        s.append(String.format(Locale.ROOT, "  evaluations         %d%n", r.evals()));
        s.append(String.format(Locale.ROOT, "  submission time     %.2f s (eval %.2f s, logging %.3f s, wall %.2f s)%n",
                r.submissionSeconds(), r.evalSeconds(), r.loggingSeconds(), r.wallSeconds()));
        s.append(String.format(Locale.ROOT, "  median step time    %.2f ms%n", r.stepTimeMedianSeconds() * 1e3));
        s.append(String.format(Locale.ROOT, "  peak RSS            %s%n",
                r.peakRssBytes() < 0 ? "-" : String.format(Locale.ROOT, "%.0f MB", r.peakRssBytes() / 1e6)));
        s.append(String.format(Locale.ROOT, "  records             %s%n", trialDir));
        return s.toString();
    }
}
