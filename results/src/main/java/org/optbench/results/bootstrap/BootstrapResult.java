package org.optbench.results.bootstrap;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bootstrap intervals of one scoring: each submission's score and each submission's time per workload.
 *
 * @param resamples the number of bootstrap replicates B
 * @param level the coverage of the intervals, e.g. 0.95
 * @param seed the seed of the resampling
 * @param scores per submission, its score
 * @param times per submission, per workload or variant it ran, its time to target (median over studies)
 */
public record BootstrapResult(int resamples, double level, long seed, Map<String, Interval> scores,
                              Map<String, Map<String, Interval>> times) {

    /** Copies into unmodifiable maps, keeping order. */
    public BootstrapResult {
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        Map<String, Map<String, Interval>> copy = new LinkedHashMap<>();
        times.forEach((s, row) -> copy.put(s, Collections.unmodifiableMap(new LinkedHashMap<>(row))));
        times = Collections.unmodifiableMap(copy);
    }

    /** The interval of a submission's time on a workload, {@code null} when it did not run it. */
    public Interval time(String submission, String workload) {
        return times.getOrDefault(submission, Map.of()).get(workload);
    }
}
