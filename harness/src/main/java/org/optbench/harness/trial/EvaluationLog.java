package org.optbench.harness.trial;

import org.optbench.api.EvalResult;

/**
 * Where a trial writes each evaluation. The loop times the call as logging time.
 */
@FunctionalInterface
public interface EvaluationLog {
    /**
     * Records one evaluation.
     *
     * @param evaluation the step, submission time and metrics
     * @param evalSeconds accumulated evaluation time, this evaluation included
     * @param loggingSeconds accumulated logging time before this call
     * @param totalSeconds wall time since the loop started
     */
    void append(EvalResult evaluation, double evalSeconds, double loggingSeconds, double totalSeconds);

    /** Records nothing. */
    EvaluationLog NONE = (evaluation, evalSeconds, loggingSeconds, totalSeconds) -> {
    };
}
