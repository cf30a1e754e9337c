package org.optbench.results.scoring;

/**
 * One trial's contribution to scoring: where it first reached its target.
 *
 * @param submission the submission's name
 * @param workload the workload or held-out variant
 * @param study the study index
 * @param hit where the trial first reached the validation target
 */
public record TrialOutcome(String submission, String workload, int study, TargetHit hit) {
}
