package org.optbench.results.records;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One evaluation of a trial: one row of {@code eval_measurements.csv}.
 *
 * @param globalStep the number of update steps taken before this evaluation
 * @param preemptionCount how many times the trial was preempted and resumed before it
 * @param submissionSeconds accumulated submission time: the clock that time to target is measured on (AlgoPerf's
 *                          {@code accumulated_submission_time}, also written as {@code score})
 * @param evalSeconds accumulated evaluation time
 * @param loggingSeconds accumulated logging time
 * @param totalDurationSeconds wall clock since the trial's clock started
 * @param metrics the evaluated metrics by column name ({@code "train/loss"}, {@code "validation/accuracy"},
 *                {@code "test/accuracy"}), in column order; NaN where a value is missing or diverged
 */
public record EvalRow(long globalStep, int preemptionCount, double submissionSeconds, double evalSeconds,
                      double loggingSeconds, double totalDurationSeconds, Map<String, Double> metrics) {

    /** Copies {@code metrics}, keeping its order, into an unmodifiable map. */
    public EvalRow {
        Objects.requireNonNull(metrics, "metrics");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** A metric by its column name, NaN when the row has no such column. */
    public double metric(String column) {
        Double value = metrics.get(column);
        return value == null ? Double.NaN : value;
    }

    /** The validation metric {@code name} (column {@code validation/<name>}), NaN when absent. */
    public double validation(String name) {
        return metric("validation/" + name);
    }

    /** The test metric {@code name} (column {@code test/<name>}), NaN when absent. */
    public double test(String name) {
        return metric("test/" + name);
    }

    /** The train metric {@code name} (column {@code train/<name>}), NaN when absent. */
    public double train(String name) {
        return metric("train/" + name);
    }
}
