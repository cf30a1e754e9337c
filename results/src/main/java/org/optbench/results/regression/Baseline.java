package org.optbench.results.regression;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optbench.results.leaderboard.Leaderboard;

/**
 * What the regression gate compares: per experiment, submission and workload, the time to target and the median
 * step time, and per submission the score. Written by {@code optbench leaderboard --save-baseline FILE} as JSON
 * ({@link BaselineJson}); a time to target of {@code null} means the target was not reached. Times are in the
 * hardware class's reference seconds (measured seconds divided by each trial's budget scale, as the leaderboard
 * computes them), so a baseline from a machine that needed a scaled budget compares with one from a reference
 * machine.
 *
 * @param format always {@link #FORMAT}
 * @param ruleVersion the AlgoPerf rules the scores were computed with
 * @param experiments by experiment name ({@code self_tuning}, ...)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Baseline(@JsonProperty("format") String format, @JsonProperty("rule_version") String ruleVersion,
                       @JsonProperty("experiments") Map<String, Experiment> experiments) {
    /** The format tag this version writes and reads. */
    public static final String FORMAT = "optbench-baseline/1";

    /** Copies, keeping order. */
    public Baseline {
        experiments = experiments == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(experiments));
    }

    /**
     * One experiment.
     *
     * @param hardwareClasses the hardware classes the trials ran on
     * @param clock the clock that timed the trials ({@code cpu} or {@code wall}); {@code null} in baselines older
     *              than the field, which were timed by the wall clock
     * @param submissions by submission name
     */
    public record Experiment(@JsonProperty("hardware_classes") List<String> hardwareClasses,
                             @JsonProperty("clock") String clock,
                             @JsonProperty("submissions") Map<String, SubmissionEntry> submissions) {
        /** Copies, keeping order. */
        public Experiment {
            hardwareClasses = hardwareClasses == null ? List.of() : List.copyOf(hardwareClasses);
            submissions = submissions == null ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(submissions));
        }

        /** An experiment of a baseline without a clock (wall). */
        public Experiment(List<String> hardwareClasses, Map<String, SubmissionEntry> submissions) {
            this(hardwareClasses, null, submissions);
        }

        /** The clock, {@code wall} for baselines older than the field. */
        public String clockOrWall() {
            return clock == null ? "wall" : clock;
        }
    }

    /**
     * One submission.
     *
     * @param score its benchmark score
     * @param workloads by workload name, the workloads it ran
     */
    public record SubmissionEntry(@JsonProperty("score") Double score,
                                  @JsonProperty("workloads") Map<String, WorkloadEntry> workloads) {
        /** Copies, keeping order. */
        public SubmissionEntry {
            workloads = workloads == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(workloads));
        }
    }

    /**
     * One submission on one workload.
     *
     * @param timeToTargetSeconds the median over studies of the time to target; {@code null} when not reached
     * @param stepTimeMedianSeconds the median over trials of the median step time, in reference seconds;
     *                              {@code null} when unknown
     */
    public record WorkloadEntry(@JsonProperty("time_to_target_seconds") Double timeToTargetSeconds,
                                @JsonProperty("step_time_median_seconds") Double stepTimeMedianSeconds) {
        /** The time to target, {@code +inf} when not reached. */
        public double timeOrInfinity() {
            return timeToTargetSeconds == null ? Double.POSITIVE_INFINITY : timeToTargetSeconds;
        }
    }

    /** The baseline of scored leaderboards. */
    public static Baseline of(List<Leaderboard> boards) {
        Map<String, Experiment> experiments = new LinkedHashMap<>();
        String version = null;
        for (Leaderboard b : boards) {
            version = b.report().version().label();
            Map<String, SubmissionEntry> submissions = new LinkedHashMap<>();
            for (String s : b.report().submissions()) {
                Map<String, WorkloadEntry> workloads = new LinkedHashMap<>();
                for (String w : b.workloads()) {
                    if (!b.report().input().times().ran(s, w)) {
                        continue;
                    }
                    double t = b.report().input().times().time(s, w);
                    double step = b.stepTimeMedianSeconds(s, w);
                    workloads.put(w, new WorkloadEntry(Double.isFinite(t) ? t : null,
                            Double.isFinite(step) ? step : null));
                }
                submissions.put(s, new SubmissionEntry(b.report().scores().get(s), workloads));
            }
            experiments.put(b.experiment(), new Experiment(List.copyOf(b.hardwareClasses()), b.clock(), submissions));
        }
        return new Baseline(FORMAT, version, experiments);
    }
}
