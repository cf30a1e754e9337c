package org.optbench.harness.isolation;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Everything a trial JVM needs to run one trial: what to train, how, for how long, and where its data lives.
 * Written as JSON by the parent and read by the child ({@code optbench trial --request FILE}).
 *
 * @param submission a built-in submission's name or a path to a submission jar
 * @param workload a workload's or variant's name
 * @param study 0-based study index
 * @param trial 1-based trial index
 * @param hyperparameters the trial's point
 * @param seed the trial's seed
 * @param budgetSeconds the submission-time budget
 * @param dataDir a directory with the workload's full data set, or {@code null} for the bundled data
 * @param evalPeriodSeconds an eval period that replaces the workload's, or {@code null}
 * @param hardwareClass the hardware class to record, or {@code null} to derive it from the machine
 * @param submissionClass for a jar that offers several submissions, the class to use; else {@code null}
 */
public record TrialRequest(
        @JsonProperty("submission") String submission,
        @JsonProperty("workload") String workload,
        @JsonProperty("study") int study,
        @JsonProperty("trial") int trial,
        @JsonProperty("hyperparameters") Map<String, Object> hyperparameters,
        @JsonProperty("seed") long seed,
        @JsonProperty("budget_seconds") double budgetSeconds,
        @JsonProperty("data_dir") String dataDir,
        @JsonProperty("eval_period_seconds") Double evalPeriodSeconds,
        @JsonProperty("hardware_class") String hardwareClass,
        @JsonProperty("submission_class") String submissionClass) {

    /** Keeps the hyperparameters' order. */
    public TrialRequest {
        hyperparameters = new LinkedHashMap<>(hyperparameters);
    }

    /** A request for a built-in submission or a jar with one submission class. */
    public TrialRequest(String submission, String workload, int study, int trial, Map<String, Object> hyperparameters,
                        long seed, double budgetSeconds, String dataDir, Double evalPeriodSeconds,
                        String hardwareClass) {
        this(submission, workload, study, trial, hyperparameters, seed, budgetSeconds, dataDir, evalPeriodSeconds,
                hardwareClass, null);
    }
}
