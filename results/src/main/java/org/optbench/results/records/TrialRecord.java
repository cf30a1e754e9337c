package org.optbench.results.records;

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
        @JsonProperty("metric_direction") TargetDirection metricDirection,
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
        @JsonProperty("started_at") String startedAt) {

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

    /** Whether {@code workload} is a base workload (not a held-out variant). */
    @JsonIgnore
    public boolean isBaseWorkload() {
        return baseWorkload == null;
    }
}
