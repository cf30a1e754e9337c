package org.optbench.results.bootstrap;

/**
 * A point estimate with a bootstrap percentile interval.
 *
 * @param estimate the value computed from the records as they are
 * @param lower the lower percentile of the bootstrap replicates (may be {@code +inf} for a time)
 * @param upper the upper percentile of the bootstrap replicates
 */
public record Interval(double estimate, double lower, double upper) {

    /** The interval's width, {@code upper - lower} (NaN when both ends are infinite). */
    public double width() {
        return upper - lower;
    }

    /** Whether {@code value} lies within {@code [lower, upper]}. */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }
}
