package org.optbench.workloads;

/** Whether a metric improves upwards (accuracy, mAP) or downwards (losses, error rates). */
public enum MetricDirection {
    /** Larger is better: a value reaches the target when it is at or above it. */
    HIGHER_IS_BETTER,
    /** Smaller is better: a value reaches the target when it is at or below it. */
    LOWER_IS_BETTER;

    /** Whether {@code value} is at or beyond {@code target}. NaN never reaches. */
    public boolean reaches(double value, double target) {
        if (Double.isNaN(value)) {
            return false;
        }
        return this == HIGHER_IS_BETTER ? value >= target : value <= target;
    }
}
