package org.optbench.workloads;

import org.optbench.api.MetricDirection;
import org.optbench.api.LossType;

/**
 * The fixed properties of a workload or variant, AlgoPerf style.
 *
 * @param name unique name, for example {@code "mnist_mlp"} or {@code "mnist_mlp_tanh"}
 * @param base the base workload's name for a variant, {@code null} for a base workload
 * @param metric the validation metric's name, as in the record columns ({@code "accuracy"}, {@code "mse"})
 * @param direction which way the metric improves
 * @param validationTarget the validation metric value that counts as trained
 * @param testTarget the test metric value reported alongside
 * @param evalPeriodSeconds wall-clock seconds between evaluations
 * @param stepHint about how many steps the baseline takes; schedules are laid out over it
 * @param defaultBatchSize the batch size when the submission takes the default
 * @param lossType the training loss
 * @param description one line for listings
 */
public record WorkloadSpec(String name, String base, String metric, MetricDirection direction,
                           double validationTarget, double testTarget, double evalPeriodSeconds, long stepHint, int defaultBatchSize, LossType lossType,
                           String description) {

    /** Whether this is a variant of another workload. */
    public boolean isVariant() {
        return base != null;
    }

    /** The same spec with another eval period. */
    public WorkloadSpec withEvalPeriodSeconds(double period) {
        return new WorkloadSpec(name, base, metric, direction, validationTarget, testTarget, period, stepHint, defaultBatchSize, lossType, description);
    }
}
