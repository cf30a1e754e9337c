package org.optbench.harness.trial;

import java.util.List;

import org.optbench.api.EvalResult;
import org.optbench.results.records.StopReason;

/**
 * What one trial's loop did.
 *
 * @param stopReason why the loop ended
 * @param failure a one-line reason when the trial failed or diverged, else {@code null}
 * @param steps updates done
 * @param evaluations every evaluation, oldest first
 * @param submissionSeconds time on the clock: selectData, update and prepareForEval
 * @param evalSeconds time spent evaluating (not on the clock)
 * @param loggingSeconds time spent writing records (not on the clock)
 * @param wallSeconds wall time of the loop, from the first step's start to the end
 * @param stepTimeMedianSeconds the median of selectData + update over steps
 * @param reachedValidationTarget whether some evaluation reached the validation target
 * @param reachedTestTarget whether some evaluation reached the test target
 * @param timeToTargetSeconds submission time of the first evaluation that reached the validation target, or
 *     {@code null}
 * @param stateBytes the optimizer state's size after init
 */
public record TrialOutcome(StopReason stopReason, String failure, long steps, List<EvalResult> evaluations,
                           double submissionSeconds, double evalSeconds, double loggingSeconds, double wallSeconds,
                           double stepTimeMedianSeconds, boolean reachedValidationTarget, boolean reachedTestTarget,
                           Double timeToTargetSeconds, long stateBytes) {
    /** Copies the list so the record stays immutable. */
    public TrialOutcome {
        evaluations = List.copyOf(evaluations);
    }
}
