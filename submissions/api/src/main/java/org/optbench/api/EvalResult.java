package org.optbench.api;

import java.util.Map;

/**
 * One past evaluation, as AlgoPerf hands {@code eval_results} to its submissions.
 *
 * @param step the number of updates done when it was taken
 * @param submissionSeconds the submission time at that point
 * @param metrics metric name to value, named like the record columns ({@code "train/loss"},
 *     {@code "validation/accuracy"}, ...)
 */
public record EvalResult(long step, double submissionSeconds, Map<String, Double> metrics) {
    /** Copies the map so the record stays immutable. */
    public EvalResult {
        metrics = Map.copyOf(metrics);
    }
}
