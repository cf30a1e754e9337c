package org.optbench.results.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optbench.api.BadInputException;

/**
 * Seconds to target per submission and workload (or held-out variant), {@code +inf} for a miss. A pair with no
 * entry was not run; the rules treat it as a miss, the tables show it apart.
 *
 * @param submissions the submissions, in display order
 * @param workloads the workloads and variants, in display order
 * @param seconds submission to workload to seconds; only the pairs that were run
 */
public record TimeTable(List<String> submissions, List<String> workloads, Map<String, Map<String, Double>> seconds) {

    /** Copies everything into unmodifiable collections, keeping order. */
    public TimeTable {
        submissions = List.copyOf(submissions);
        workloads = List.copyOf(workloads);
        Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
        seconds.forEach((s, row) -> copy.put(s, Collections.unmodifiableMap(new LinkedHashMap<>(row))));
        seconds = Collections.unmodifiableMap(copy);
    }

    /** Whether {@code submission} ran {@code workload}. */
    public boolean ran(String submission, String workload) {
        return seconds.getOrDefault(submission, Map.of()).containsKey(workload);
    }

    /** The time, {@code +inf} for a miss or a pair that was not run. */
    public double time(String submission, String workload) {
        Double value = seconds.getOrDefault(submission, Map.of()).get(workload);
        return value == null ? Double.POSITIVE_INFINITY : value;
    }

    /** A builder that keeps first-seen order of submissions and workloads. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects times; a second time for the same pair is bad input. */
    public static final class Builder {
        private final List<String> submissions = new ArrayList<>();
        private final List<String> workloads = new ArrayList<>();
        private final Map<String, Map<String, Double>> seconds = new LinkedHashMap<>();

        /**
         * Adds one time.
         *
         * @param source names where the time came from, for the duplicate error
         */
        public Builder put(String submission, String workload, double time, String source) {
            if (Double.isNaN(time) || time < 0) {
                throw new BadInputException(source + ": time for " + submission + "/" + workload
                        + " must be a non-negative number or inf, got " + time);
            }
            Map<String, Double> row = seconds.computeIfAbsent(submission, s -> {
                submissions.add(s);
                return new LinkedHashMap<>();
            });
            if (row.containsKey(workload)) {
                throw new BadInputException(source + ": a second time for submission '" + submission
                        + "' and workload '" + workload + "'");
            }
            if (!workloads.contains(workload)) {
                workloads.add(workload);
            }
            row.put(workload, time);
            return this;
        }

        /** Lists {@code workload} even if no submission ran it (a base workload that counts for everyone). */
        public Builder declareWorkload(String workload) {
            if (!workloads.contains(workload)) {
                workloads.add(workload);
            }
            return this;
        }

        public TimeTable build() {
            return new TimeTable(submissions, workloads, seconds);
        }
    }
}
