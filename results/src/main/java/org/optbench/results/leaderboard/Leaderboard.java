package org.optbench.results.leaderboard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.optbench.results.bootstrap.BootstrapResult;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialResult;
import org.optbench.results.scoring.ScoreReport;
import org.optbench.results.scoring.ScoreTables;
import org.optbench.results.scoring.StudyMedian;

/**
 * One scored experiment (the trials of one tuning ruleset, e.g. {@code self_tuning}): its score report, bootstrap
 * intervals and the trials it came from, for tables and plots.
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

    /** The median over trials of the median step time, NaN when the pair was not run. */
    public double stepTimeMedianSeconds(String submission, String workload) {
        double[] values = records(submission, workload).stream()
                .mapToDouble(TrialRecord::stepTimeMedianSeconds).filter(v -> !Double.isNaN(v)).toArray();
        return values.length == 0 ? Double.NaN : StudyMedian.of(values);
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
