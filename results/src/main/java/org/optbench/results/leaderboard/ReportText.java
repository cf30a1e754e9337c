package org.optbench.results.leaderboard;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialResult;
import org.optbench.results.scoring.RecordTimes;
import org.optbench.results.scoring.TargetHit;

/**
 * The sentences and cells of a report that explain rather than count: why a cell missed, why a trial failed, and
 * the banners about contended trials and scaled budgets.
 */
final class ReportText {
    /** A failure reason is cut to this many characters in table cells. */
    static final int FAILURE_CHARS = 60;

    private ReportText() {
    }

    /**
     * Why a submission's median time on a workload is infinite: {@code missed 0.9765 / 0.9836} (its trials' best
     * validation value against the target), {@code missed in 2 of 3 studies; best 0.9850 / 0.9836} when some studies
     * reached it, a failed trial's shortened reason, or both.
     */
    static String missed(Leaderboard b, String submission, String workload) {
        List<TrialResult> trials = b.results(submission, workload);
        TrialRecord any = trials.get(0).record();
        List<TrialRecord> failed = trials.stream().map(TrialResult::record).filter(Leaderboard::failed).toList();
        if (failed.size() == trials.size()) {
            return (failed.size() == 1 ? "failed: " : "all " + failed.size() + " failed: ")
                    + shortFailure(failed.get(0).failure());
        }
        double best = b.bestValidationValue(submission, workload);
        String margin = Double.isFinite(best) ? margin(best, any.validationTarget())
                : "no finite value / " + target(any.validationTarget());
        int studies = b.studies(submission, workload);
        int reached = b.studiesReached(submission, workload);
        String text = reached > 0 ? "missed in " + (studies - reached) + " of " + studies + " studies; best " + margin
                : "missed " + margin;
        if (!failed.isEmpty()) {
            text += "; " + failed.size() + " failed: " + shortFailure(failed.get(0).failure());
        }
        return text;
    }

    /** One trial's outcome: {@code reached at 12.34 s}, {@code missed 0.9765 / 0.9836} or its failure. */
    static String outcome(TrialResult t) {
        TrialRecord r = t.record();
        if (Leaderboard.failed(r)) {
            return "failed: " + shortFailure(r.failure());
        }
        TargetHit hit = RecordTimes.firstHit(t);
        if (hit.reached()) {
            return String.format(Locale.ROOT, "reached at %.2f s", hit.seconds());
        }
        double best = Leaderboard.bestValidationValue(t);
        return Double.isFinite(best) ? "missed " + margin(best, r.validationTarget()) + " (" + r.stopReason().json() + ")"
                : "no finite value (" + r.stopReason().json() + ")";
    }

    /**
     * {@code best / target}, both to the same significant digits: at least 4, at least the target's own, and more
     * until the two differ (so a near miss never reads as a hit).
     */
    static String margin(double best, double target) {
        int digits = Math.max(4, Math.min(7, significantDigits(target)));
        String b = round(best, digits);
        String t = round(target, digits);
        while (b.equals(t) && best != target && digits < 12) {
            digits++;
            b = round(best, digits);
            t = round(target, digits);
        }
        return b + " / " + t;
    }

    /** A target to at least 4 significant digits, or its own. */
    static String target(double target) {
        return round(target, Math.max(4, Math.min(7, significantDigits(target))));
    }

    private static int significantDigits(double value) {
        if (!Double.isFinite(value) || value == 0) {
            return 1;
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().precision();
    }

    private static String round(double value, int digits) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits));
        double magnitude = Math.abs(value);
        return magnitude >= 1e-4 && magnitude < 1e7 ? rounded.toPlainString() : rounded.toString();
    }

    /**
     * A failure reason for a table cell: its first line, exception classes without their packages
     * ({@code java.lang.OutOfMemoryError} becomes {@code OutOfMemoryError}), cut to {@link #FAILURE_CHARS}.
     */
    static String shortFailure(String failure) {
        if (failure == null || failure.isBlank()) {
            return "no reason recorded";
        }
        String line = failure.strip().lines().findFirst().orElse("").strip();
        line = line.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)", "$1");
        return line.length() <= FAILURE_CHARS ? line : line.substring(0, FAILURE_CHARS - 3).stripTrailing() + "...";
    }

    /** {@code self_tuning/adamw/study_0/mnist_mlp/trial_1}: where a trial's record lies. */
    static String trialPath(String experiment, TrialRecord r) {
        return experiment + "/" + r.submission() + "/study_" + r.study() + "/" + r.workload() + "/trial_" + r.trial();
    }

    /** {@code CPU share 0.41} or {@code CPU share unknown}. */
    static String cpuShare(TrialRecord r) {
        return r.cpuShare() == null ? "CPU share unknown" : String.format(Locale.ROOT, "CPU share %.2f", r.cpuShare());
    }

    /** The contention banner's headline, {@code null} when no trial of {@code boards} ran contended. */
    static String contentionHeadline(List<Leaderboard> boards) {
        int contended = boards.stream().mapToInt(b -> b.contendedTrials().size()).sum();
        if (contended == 0) {
            return null;
        }
        int all = boards.stream().mapToInt(b -> b.trials().size()).sum();
        return "Contended: " + contended + " of " + all + (all == 1 ? " trial" : " trials") + " ran on a shared "
                + "machine (CPU share below the contention threshold); " + (contended == 1 ? "its time" : "their times")
                + " may be unreliable.";
    }

    /** One line per contended trial: its record path and CPU share. */
    static List<String> contendedTrials(List<Leaderboard> boards) {
        List<String> lines = new ArrayList<>();
        for (Leaderboard b : boards) {
            for (TrialResult t : b.contendedTrials()) {
                lines.add(trialPath(b.experiment(), t.record()) + " (" + cpuShare(t.record()) + ")");
            }
        }
        return lines;
    }

    /** The budget-scale note, {@code null} when every budget had scale 1. */
    static String budgetScaleNote(List<Leaderboard> boards) {
        List<String> parts = new ArrayList<>();
        for (Leaderboard b : boards) {
            if (!b.budgetScales().isEmpty()) {
                parts.add((boards.size() > 1 ? b.experiment() + ": " : "") + Leaderboard.scalesText(b.budgetScales()));
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        return "Scaled budgets: trials on a machine whose speed probe differed from their hardware class's "
                + "reference had their budgets scaled by the measured ratio (" + String.join("; ", parts) + "). Every time in this report is in the class's reference "
                + "seconds: measured seconds divided by the trial's scale.";
    }
}
