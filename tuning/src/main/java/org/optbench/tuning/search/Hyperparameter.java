package org.optbench.tuning.search;

import java.util.List;
import org.optbench.api.BadInputException;

/**
 * One dimension of a range search space: how a quasi-random coordinate {@code u} in {@code [0, 1)} becomes a value,
 * with AlgoPerf's formulas ({@code algoperf/halton.py}):
 * <ul>
 *   <li>{@link LogRange}: {@code min * exp(u * ln(max / min))};</li>
 *   <li>{@link LinearRange}: {@code u * (max - min) + min};</li>
 *   <li>{@link FeasiblePoints}: {@code points[floor(u * count)]}.</li>
 * </ul>
 * {@code exp} and {@code ln} are {@link StrictMath}'s, so a plan is the same on every JVM; they agree with C's libm
 * (which AlgoPerf's Python uses) to the last bit or one ulp.
 */
public sealed interface Hyperparameter
        permits Hyperparameter.LogRange, Hyperparameter.LinearRange, Hyperparameter.FeasiblePoints {

    /** The hyperparameter's name, as the submission reads it. */
    String name();

    /** The value at quasi-random coordinate {@code u} in {@code [0, 1)}. */
    Object valueAt(double u);

    /** A range searched on a log scale; {@code 0 < min <= max}. */
    record LogRange(String name, double min, double max) implements Hyperparameter {
        public LogRange {
            requireName(name);
            requireFinite(name, min, max);
            if (min <= 0) {
                throw new BadInputException("hyperparameter '" + name + "': a log range needs min > 0, got min " + min);
            }
            requireOrdered(name, min, max);
        }

        @Override
        public Double valueAt(double u) {
            return min * StrictMath.exp(u * StrictMath.log(max / min));
        }
    }

    /** A range searched on a linear scale; {@code min <= max}. */
    record LinearRange(String name, double min, double max) implements Hyperparameter {
        public LinearRange {
            requireName(name);
            requireFinite(name, min, max);
            requireOrdered(name, min, max);
        }

        @Override
        public Double valueAt(double u) {
            return u * (max - min) + min;
        }
    }

    /** A list of values (numbers, strings or booleans), each taken with equal probability. */
    record FeasiblePoints(String name, List<Object> points) implements Hyperparameter {
        public FeasiblePoints {
            requireName(name);
            if (points == null || points.isEmpty()) {
                throw new BadInputException("hyperparameter '" + name + "': feasible_points must not be empty");
            }
            for (Object p : points) {
                if (!(p instanceof Number || p instanceof String || p instanceof Boolean)) {
                    throw new BadInputException("hyperparameter '" + name
                            + "': feasible_points must be numbers, strings or booleans, got " + p);
                }
            }
            points = List.copyOf(points);
        }

        @Override
        public Object valueAt(double u) {
            return points.get((int) Math.floor(u * points.size()));
        }
    }

    private static void requireName(String name) {
        if (name == null || name.isEmpty()) {
            throw new BadInputException("a hyperparameter name must not be empty");
        }
    }

    private static void requireFinite(String name, double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new BadInputException("hyperparameter '" + name + "': min and max must be finite, got min " + min
                    + ", max " + max);
        }
    }

    private static void requireOrdered(String name, double min, double max) {
        if (min > max) {
            throw new BadInputException("hyperparameter '" + name + "': min " + min + " is above max " + max);
        }
    }
}
