package org.optbench.harness.trial;

import org.optbench.results.records.StopReason;

/**
 * What one trial's loop did, as the trial JVM reports it.
 *
 * @param stopReason why the loop ended
 * @param failure a one-line reason when the trial failed or diverged, else {@code null}
 * @param steps updates done
 * @param evaluations evaluations made
 * @param submissionSeconds time on the trial's clock: selectData, update and prepareForEval (and, on the CPU clock,
 *     other threads' CPU time)
 * @param evalSeconds time spent evaluating, on the same clock (not submission time)
 * @param loggingSeconds time spent reporting evaluations (not submission time)
 * @param wallSeconds wall time of the loop, from the first step's start to the end
 * @param stepTimeMedianSeconds the median of selectData + update over steps, on the trial's clock
 * @param optimizerStepTimeMedianSeconds the median of update's time outside the workload's forward and backward
 *     passes: the submission's own cost per step
 * @param stateBytes the optimizer state's size after init
 * @param cpuShare how much of the wall time it could run the training thread did run (1 minus its wait for a core,
 *     over the wall time)
 * @param otherCpuSeconds CPU time of the process's other threads while the clock ran
 */
public record LoopResult(StopReason stopReason, String failure, long steps, int evaluations,
                         double submissionSeconds, double evalSeconds, double loggingSeconds, double wallSeconds,
                         double stepTimeMedianSeconds, double optimizerStepTimeMedianSeconds, long stateBytes,
                         double cpuShare, double otherCpuSeconds) {

    /** A trial that failed before its clock started. */
    public static LoopResult failedBeforeStart(String failure) {
        return new LoopResult(StopReason.FAILED, failure, 0, 0, 0, 0, 0, 0, Double.NaN, Double.NaN, 0, Double.NaN,
                0);
    }
}
