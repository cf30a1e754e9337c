package org.optbench.results.bootstrap;

import java.util.Locale;

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

    /**
     * The interval as reports print it: {@code [lower, upper]} to {@code decimals} places, or {@code n/a (1 study)}
     * when it came from fewer than two studies. A bootstrap over one study only resamples that study's trials (and
     * over one trial, nothing): its interval says nothing about how another study would have gone.
     *
     * @param studies how many studies the estimate came from (for a score: its submission's fewest on any workload)
     */
    public String describe(int studies, int decimals) {
        if (studies < 2) {
            return "n/a (" + studies + (studies == 1 ? " study)" : " studies)");
        }
        return "[" + number(lower, decimals) + ", " + number(upper, decimals) + "]";
    }

    private static String number(double value, int decimals) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return Double.isNaN(value) ? "nan" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** Whether {@code value} lies within {@code [lower, upper]}. */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }
}
