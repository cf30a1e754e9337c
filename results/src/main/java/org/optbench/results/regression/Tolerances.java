package org.optbench.results.regression;

import org.optbench.api.BadInputException;

/**
 * How much worse than the baseline still passes.
 *
 * @param timeRelative time to target may grow by this fraction (0.10: up to 110 % of the baseline)
 * @param stepTimeRelative the median step time may grow by this fraction
 * @param scoreAbsolute the score may drop by this much
 */
public record Tolerances(double timeRelative, double stepTimeRelative, double scoreAbsolute) {

    /** Rejects negative or non-finite tolerances. */
    public Tolerances {
        check("--time-tolerance", timeRelative);
        check("--step-time-tolerance", stepTimeRelative);
        check("--score-tolerance", scoreAbsolute);
    }

    /** 10 % for times, 0.05 for the score. */
    public static Tolerances defaults() {
        return new Tolerances(0.10, 0.10, 0.05);
    }

    private static void check(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new BadInputException(name + " must be a non-negative number, got " + value);
        }
    }
}
