package org.optbench.results.leaderboard;

import java.util.List;
import java.util.Set;
import org.optbench.results.records.TrialRecord;

/**
 * Which records a leaderboard scores.
 *
 * @param experiments the experiment directories to read, e.g. {@code [self_tuning]}; empty for every one present
 * @param submissions the submissions to keep; empty for all
 * @param workloads the workloads (or variants) to keep; empty for all
 * @param hardwareClass the one hardware class to keep, or {@code null}
 * @param allowMixedHardware with no class named, score trials of several classes together instead of refusing
 */
public record Selection(List<String> experiments, Set<String> submissions, Set<String> workloads,
                        String hardwareClass, boolean allowMixedHardware) {

    /** Copies into unmodifiable collections. */
    public Selection {
        experiments = List.copyOf(experiments);
        submissions = Set.copyOf(submissions);
        workloads = Set.copyOf(workloads);
    }

    /** Everything, one hardware class. */
    public static Selection all() {
        return new Selection(List.of(), Set.of(), Set.of(), null, false);
    }

    /** Whether {@code record} is kept (hardware aside). */
    boolean keeps(TrialRecord record) {
        return (submissions.isEmpty() || submissions.contains(record.submission()))
                && (workloads.isEmpty() || workloads.contains(record.workload()));
    }
}
