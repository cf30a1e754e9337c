package org.optbench.results.scoring;

import org.optbench.api.MetricDirection;

/**
 * A workload's validation target.
 *
 * @param metric the metric's name, e.g. {@code "accuracy"}; its column is {@code validation/<metric>}
 * @param direction which way it improves
 * @param validationTarget the value to reach
 */
public record WorkloadTarget(String metric, MetricDirection direction, double validationTarget) {

    /** The evaluation column that carries the metric. */
    public String column() {
        return "validation/" + metric;
    }
}
