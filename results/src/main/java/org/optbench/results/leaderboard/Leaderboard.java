package org.optbench.results.leaderboard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.optbench.results.bootstrap.BootstrapResult;
import org.optbench.results.bootstrap.Interval;
import org.optbench.results.records.BestValue;
import org.optbench.results.records.StopReason;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialResult;
import org.optbench.results.scoring.RecordTimes;
import org.optbench.results.scoring.ScoreReport;
import org.optbench.results.scoring.ScoreTables;
import org.optbench.results.scoring.StudyMedian;
import org.optbench.results.scoring.StudyTime;

/**
 * One scored experiment (the trials of one tuning ruleset, e.g. {@code self_tuning}): its score report, bootstrap
 * intervals and the trials it came from, for tables and plots. Every time it returns is in the hardware class's
 * reference seconds: a trial's measured seconds divided by its budget scale ({@link RecordTimes#referenceSeconds}).
 *
 * @param experiment the experiment's name, the directory the records are under ({@code external_tuning},
 *                   {@code self_tuning}, or the records directory's own name)
 * @param report the AlgoPerf score report
 * @param bootstrap intervals of scores and times
 * @param trials the trials scored, in path order
 * @param hardwareClasses the hardware classes of those trials
 */
public record Leaderboard(String experiment, ScoreReport report, BootstrapResult bootstrap, List<TrialResult> trials,
                          SortedSet<String> hardwareClasses) {

    /** Copies into unmodifiable collections. */
    public Leaderboard {
        trials = List.copyOf(trials);
        hardwareClasses = Collections.unmodifiableSortedSet(new TreeSet<>(hardwareClasses));
    }

    /** Whether trials of several hardware classes were scored together (only with an explicit opt-in). */
    public boolean mixedHardware() {
        return hardwareClasses.size() > 1;
    }

    /** The trials of one submission on one workload, in path order. */
    public List<TrialRecord> records(String submission, String workload) {
        List<TrialRecord> out = new ArrayList<>();
        for (TrialResult t : trials) {
            if (t.record().submission().equals(submission) && t.record().workload().equals(workload)) {
                out.add(t.record());
            }
        }
        return out;
    }

    /** The trials of one submission on one workload, with their evaluations, in path order. */
    public List<TrialResult> results(String submission, String workload) {
        List<TrialResult> out = new ArrayList<>();
        for (TrialResult t : trials) {
            if (t.record().submission().equals(submission) && t.record().workload().equals(workload)) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The median over trials of the median step time in reference seconds, NaN when the pair was not run or no
     * trial measured it.
     */
    public double stepTimeMedianSeconds(String submission, String workload) {
        return medianOverTrials(submission, workload, TrialRecord::stepTimeMedianSeconds);
    }

    /**
     * The median over trials of the optimizer's share of a step ({@code optimizer_step_time_median_seconds}: the step
     * outside the workload's forward and backward pass) in reference seconds; NaN when the pair was not run or its
     * records predate the field.
     */
    public double optimizerStepTimeMedianSeconds(String submission, String workload) {
        return medianOverTrials(submission, workload, TrialRecord::optimizerStepTimeMedianSeconds);
    }

    private double medianOverTrials(String submission, String workload, ToDoubleFunction<TrialRecord> seconds) {
        double[] values = records(submission, workload).stream()
                .mapToDouble(r -> RecordTimes.referenceSeconds(r, seconds.applyAsDouble(r)))
                .filter(v -> !Double.isNaN(v)).toArray();
        return values.length == 0 ? Double.NaN : StudyMedian.of(values);
    }

    /**
     * The best validation value any trial of the pair reached: each trial's {@code best_validation_value} when
     * finite, else the best of its evaluations; NaN when none has a finite value.
     */
    public double bestValidationValue(String submission, String workload) {
        double best = Double.NaN;
        for (TrialResult t : results(submission, workload)) {
            double v = bestValidationValue(t);
            if (Double.isFinite(v) && t.record().metricDirection().better(v, best)) {
                best = v;
            }
        }
        return best;
    }

    /** A trial's best validation value: its record's when finite, else the best of its evaluations (or NaN). */
    public static double bestValidationValue(TrialResult trial) {
        TrialRecord r = trial.record();
        return Double.isFinite(r.bestValidationValue()) ? r.bestValidationValue()
                : BestValue.of(trial.evals(), "validation/" + r.metric(), r.metricDirection());
    }

    /** Whether a trial failed (an exception, out of memory, a crashed process). */
    public static boolean failed(TrialRecord r) {
        return r.stopReason() == StopReason.FAILED || r.failure() != null;
    }

    /** How many studies of {@code submission} ran {@code workload}; 0 when none did. */
    public int studies(String submission, String workload) {
        List<StudyTime> studies = report.input().studies().getOrDefault(submission, Map.of()).get(workload);
        return studies == null ? 0 : studies.size();
    }

    /** How many of those studies reached the target. */
    public int studiesReached(String submission, String workload) {
        List<StudyTime> studies = report.input().studies().getOrDefault(submission, Map.of()).get(workload);
        return studies == null ? 0 : (int) studies.stream().filter(st -> st.best().reached()).count();
    }

    /**
     * The fewest studies {@code submission} ran of any workload it ran: what its score's interval rests on (a
     * workload with one study contributes no study-to-study variation).
     */
    public int fewestStudies(String submission) {
        return report.input().studies().getOrDefault(submission, Map.of()).values().stream()
                .mapToInt(List::size).min().orElse(0);
    }

    /** How many of {@code submission}'s trials reached their validation target (recomputed from evaluations). */
    public int trialsReached(String submission) {
        return (int) trials.stream().filter(t -> t.record().submission().equals(submission))
                .filter(t -> RecordTimes.firstHit(t).reached()).count();
    }

    /** How many trials {@code submission} ran. */
    public int trialCount(String submission) {
        return (int) trials.stream().filter(t -> t.record().submission().equals(submission)).count();
    }

    /** {@code reached 5/7}: of the submission's trials, how many reached their validation targets. */
    public String reachedText(String submission) {
        return "reached " + trialsReached(submission) + "/" + trialCount(submission);
    }

    /** The score's interval as reports print it: {@code [lo, hi]}, or {@code n/a (1 study)}. */
    public String scoreIntervalText(String submission, int decimals) {
        return bootstrap.scores().get(submission).describe(fewestStudies(submission), decimals);
    }

    /** The time interval of a pair as reports print it, {@code null} when the pair was not run. */
    public String timeIntervalText(String submission, String workload, int decimals) {
        Interval time = bootstrap.time(submission, workload);
        return time == null ? null : time.describe(studies(submission, workload), decimals);
    }

    /** The clock that timed these trials ({@code cpu} or {@code wall}); scoring refuses mixed clocks. */
    public String clock() {
        return trials.isEmpty() ? "wall" : trials.get(0).record().clockOrWall();
    }

    /** The trials whose CPU share fell below the contention threshold (the machine was shared), in path order. */
    public List<TrialResult> contendedTrials() {
        return trials.stream().filter(t -> t.record().contended()).toList();
    }

    /** The budget scales other than 1 and how many trials ran with each, smallest first. */
    public SortedMap<Double, Integer> budgetScales() {
        SortedMap<Double, Integer> scales = new TreeMap<>();
        for (TrialResult t : trials) {
            double scale = t.record().budgetScaleOrOne();
            if (scale != 1.0) {
                scales.merge(scale, 1, Integer::sum);
            }
        }
        return scales;
    }

    /**
     * The lines {@code optbench leaderboard} prints: the experiment (with its hardware classes when mixed), then per
     * submission, best first, {@code name score [lo, hi]  reached k/n} (or {@code n/a (1 study)} in place of the
     * interval), then one line each when trials ran contended or with scaled budgets.
     */
    public List<String> consoleLines() {
        List<String> lines = new ArrayList<>();
        lines.add(experiment + ":" + (mixedHardware() ? " (mixed hardware classes "
                + String.join(", ", hardwareClasses) + ")" : ""));
        for (String s : ranking()) {
            lines.add(String.format(Locale.ROOT, "  %-20s %.4f %s  %s", s, report.scores().get(s),
                    scoreIntervalText(s, 4), reachedText(s)));
        }
        List<TrialResult> contended = contendedTrials();
        if (!contended.isEmpty()) {
            lines.add("  warning: " + contended.size() + (contended.size() == 1 ? " trial" : " trials")
                    + " ran on a shared machine (contended); " + (contended.size() == 1 ? "its time" : "their times")
                    + " may be unreliable (see the report)");
        }
        if (!budgetScales().isEmpty()) {
            lines.add("  note: budgets were scaled (" + scalesText(budgetScales())
                    + "); times are in the hardware class's reference seconds");
        }
        return lines;
    }

    /** {@code x1.30 for 4 trials, x2.00 for 1 trial}. */
    static String scalesText(SortedMap<Double, Integer> scales) {
        List<String> parts = new ArrayList<>();
        scales.forEach((scale, n) -> parts.add(String.format(Locale.ROOT, "x%.2f for %d %s", scale, n,
                n == 1 ? "trial" : "trials")));
        return String.join(", ", parts);
    }

    /** The largest optimizer state over trials in bytes, -1 when the pair was not run. */
    public long stateBytes(String submission, String workload) {
        return records(submission, workload).stream().mapToLong(TrialRecord::stateBytes).max().orElse(-1);
    }

    /** The workloads shown: the base workloads, then held-out variants. */
    public List<String> workloads() {
        List<String> out = new ArrayList<>(report.baseWorkloads());
        out.addAll(report.input().variantToBase().keySet());
        return out;
    }

    /** The submissions, best score first. */
    public List<String> ranking() {
        return ScoreTables.ranking(report);
    }

    /** The per-workload time table before penalties. */
    public Map<String, Map<String, Double>> times() {
        return report.input().times().seconds();
    }
}
