package org.optbench.results.records;

import org.optbench.api.MetricDirection;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A trial's spec and outcome: the content of {@code trial.json}, written last, so that a trial directory is
 * complete exactly when this file exists. JSON names are snake_case; nullable fields are written as {@code null}.
 *
 * @param submission the submission's name
 * @param workload the workload (or held-out variant) it trained
 * @param baseWorkload the base workload's name when {@code workload} is a variant, {@code null} for a base workload
 * @param study the study index, 0-based
 * @param trial the trial index within the study, 1-based
 * @param seed the trial's seed
 * @param hyperparameters the trial's hyperparameters, in order
 * @param budgetSeconds the submission-time budget
 * @param metric the validation metric's name as in the record columns, e.g. {@code "accuracy"}
 * @param metricDirection which way {@code metric} improves
 * @param validationTarget the validation target
 * @param testTarget the test target
 * @param hardwareClass the hardware class the budget belongs to
 * @param reachedValidationTarget whether an evaluation reached the validation target
 * @param reachedTestTarget whether an evaluation reached the test target
 * @param timeToTargetSeconds submission seconds at the first evaluation that reached the validation target,
 *                            {@code null} when not reached
 * @param steps update steps taken
 * @param evals evaluations made
 * @param submissionSeconds accumulated submission time at the end
 * @param evalSeconds accumulated evaluation time
 * @param loggingSeconds accumulated logging time
 * @param wallSeconds wall clock of the whole trial
 * @param stepTimeMedianSeconds median time of one update step
 * @param peakRssBytes the trial process's peak resident memory
 * @param stateBytes the size of the optimizer state
 * @param failure {@code null}, or one line saying why the trial failed
 * @param stopReason why the trial stopped
 * @param optbenchVersion the optbench version that ran it
 * @param startedAt when it started, ISO-8601 (e.g. {@code 2026-11-27T02:30:00Z})
 * @param clock what timed it: {@code "cpu"} (CPU time of the trial process) or {@code "wall"} (AlgoPerf's wall
 *              clock); {@code null} in records older than the field, which were timed by the wall clock
 * @param cpuShare how much of the wall time it could run the trial's training thread did run: 1 minus the time it
 *                 waited, runnable, for a core, over the wall time (about 1 when alone on a core; about 0.5 beside
 *                 one busy process on its core); {@code null} when not measured
 * @param contended whether {@code cpuShare} fell below the contention threshold: the machine was shared
 * @param loadAverageStart the machine's 1-minute load average when the trial started, {@code null} when unknown
 * @param loadAverageEnd the same when it ended
 * @param budgetScale the factor the hardware class's budget was scaled by for this machine (the speed probe's
 *                    ratio); {@code null} in older records, meaning 1
 * @param concurrentTrials how many other trials of the same study run ran beside it on this machine, at most
 * @param sandbox how the trial process was confined: {@code "bwrap"}, or {@code "none"}; {@code null} in older
 *                records
 * @param optimizerStepTimeMedianSeconds the median over steps of the step time outside the workload's forward and
 *                                       backward pass: what the submission's own update costs
 * @param bestValidationValue the best validation metric value over the evaluations, NaN when there was none
 * @param processCpuSeconds CPU time of the whole trial process tree, as its launcher measured it
 * @param otherThreadsCpuSeconds on the CPU clock, the part of {@code submissionSeconds} that threads other than the
 *                               training thread used (a submission's helpers, the JDK's pools, garbage collection
 *                               outside evaluations), and the trial's other processes; NaN for the wall clock
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TrialRecord(
        @JsonProperty("submission") String submission,
        @JsonProperty("workload") String workload,
        @JsonProperty("base_workload") String baseWorkload,
        @JsonProperty("study") int study,
        @JsonProperty("trial") int trial,
        @JsonProperty("seed") long seed,
        @JsonProperty("hyperparameters") Map<String, Object> hyperparameters,
        @JsonProperty("budget_seconds") double budgetSeconds,
        @JsonProperty("metric") String metric,
        @JsonProperty("metric_direction") MetricDirection metricDirection,
        @JsonProperty("validation_target") double validationTarget,
        @JsonProperty("test_target") double testTarget,
        @JsonProperty("hardware_class") String hardwareClass,
        @JsonProperty("reached_validation_target") boolean reachedValidationTarget,
        @JsonProperty("reached_test_target") boolean reachedTestTarget,
        @JsonProperty("time_to_target_seconds") Double timeToTargetSeconds,
        @JsonProperty("steps") long steps,
        @JsonProperty("evals") int evals,
        @JsonProperty("submission_seconds") double submissionSeconds,
        @JsonProperty("eval_seconds") double evalSeconds,
        @JsonProperty("logging_seconds") double loggingSeconds,
        @JsonProperty("wall_seconds") double wallSeconds,
        @JsonProperty("step_time_median_seconds") double stepTimeMedianSeconds,
        @JsonProperty("peak_rss_bytes") long peakRssBytes,
        @JsonProperty("state_bytes") long stateBytes,
        @JsonProperty("failure") String failure,
        @JsonProperty("stop_reason") StopReason stopReason,
        @JsonProperty("optbench_version") String optbenchVersion,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("clock") String clock,
        @JsonProperty("cpu_share") Double cpuShare,
        @JsonProperty("contended") boolean contended,
        @JsonProperty("load_average_start") Double loadAverageStart,
        @JsonProperty("load_average_end") Double loadAverageEnd,
        @JsonProperty("budget_scale") Double budgetScale,
        @JsonProperty("concurrent_trials") int concurrentTrials,
        @JsonProperty("sandbox") String sandbox,
        @JsonProperty("optimizer_step_time_median_seconds") double optimizerStepTimeMedianSeconds,
        @JsonProperty("best_validation_value") double bestValidationValue,
        @JsonProperty("process_cpu_seconds") double processCpuSeconds,
        @JsonProperty("other_threads_cpu_seconds") double otherThreadsCpuSeconds) {

    /** The JSON names that must be present in a {@code trial.json}. */
    public static final List<String> REQUIRED_FIELDS = List.of("submission", "workload", "study", "trial",
            "metric", "metric_direction", "validation_target", "reached_validation_target", "stop_reason");

    /** Checks the identifying fields and copies the hyperparameters, keeping their order. */
    public TrialRecord {
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(metricDirection, "metricDirection");
        Objects.requireNonNull(stopReason, "stopReason");
        hyperparameters = hyperparameters == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
    }

    /** The clock that timed this trial: {@code clock}, or {@code "wall"} for records older than the field. */
    @JsonIgnore
    public String clockOrWall() {
        return clock == null ? "wall" : clock;
    }

    /** The budget scale, 1 for records older than the field. */
    @JsonIgnore
    public double budgetScaleOrOne() {
        return budgetScale == null ? 1.0 : budgetScale;
    }

    /** A builder with every field of this record, to change a few. */
    public TrialRecordBuilder toBuilder() {
        return TrialRecordBuilder.from(this);
    }

    /** Whether {@code workload} is a base workload (not a held-out variant). */
    @JsonIgnore
    public boolean isBaseWorkload() {
        return baseWorkload == null;
    }
}
