package org.optbench.results.scoring;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Steps 5 to 7 of AlgoPerf's score. Ratios {@code r[s][w] = t[s][w] / min_s t[s][w]}; the performance profile
 * {@code rho_s(tau) = |{w : r[s][w] <= tau}| / n} over the n base workloads; and the benchmark score
 * {@code B_s = (1 / (r_max - 1)) * integral from 1 to r_max of rho_s(tau) d tau}, computed as AlgoPerf does: rho on
 * 100 evenly spaced points from 1 to r_max = 4 inclusive ({@code numpy.linspace}), the trapezoid rule
 * ({@code numpy.trapz}), divided by the grid's range.
 */
public final class PerformanceProfile {
    /** AlgoPerf's largest ratio that still counts. */
    public static final double R_MAX = 4.0;
    /** AlgoPerf's number of grid points. */
    public static final int POINTS = 100;

    private PerformanceProfile() {
    }

    /**
     * {@code numpy.linspace(start, stop, count)}: {@code start + i * ((stop - start) / (count - 1))}, the last point
     * set to {@code stop} exactly. The same floating-point operations as NumPy, so a ratio on a grid point
     * ({@code 2.0} is point 33 of 1..4) compares the same way.
     */
    public static double[] linspace(double start, double stop, int count) {
        double[] points = new double[count];
        double step = (stop - start) / (count - 1);
        for (int i = 0; i < count; i++) {
            points[i] = i * step + start;
        }
        points[count - 1] = stop;
        return points;
    }

    /** AlgoPerf's grid: 100 points from 1 to 4 inclusive. */
    public static double[] taus() {
        return linspace(1.0, R_MAX, POINTS);
    }

    /**
     * The ratio of each submission's time to the column's best, per column. A column nobody reached stays
     * infinite for everyone (AlgoPerf's {@code inf / inf} is NaN, which no {@code tau} counts either).
     */
    public static Map<String, Map<String, Double>> ratios(Map<String, Map<String, Double>> times) {
        Map<String, Double> best = Penalties.columnMinima(times);
        Map<String, Map<String, Double>> ratios = new LinkedHashMap<>();
        times.forEach((s, row) -> {
            Map<String, Double> ratioRow = new LinkedHashMap<>();
            row.forEach((w, t) -> {
                double b = best.get(w);
                if (Double.isInfinite(t) || Double.isInfinite(b)) {
                    ratioRow.put(w, Double.POSITIVE_INFINITY);
                } else {
                    ratioRow.put(w, t == b ? 1.0 : t / b); // the best is 1 even at time 0
                }
            });
            ratios.put(s, ratioRow);
        });
        return ratios;
    }

    /**
     * {@code rho(tau)} at each point of {@code taus}: the fraction of the {@code workloadCount} base workloads
     * whose ratio is at most tau.
     */
    public static double[] rho(Collection<Double> ratios, int workloadCount, double[] taus) {
        double[] rho = new double[taus.length];
        for (int i = 0; i < taus.length; i++) {
            int solved = 0;
            for (double r : ratios) {
                if (r <= taus[i]) {
                    solved++;
                }
            }
            rho[i] = (double) solved / workloadCount;
        }
        return rho;
    }

    /** {@code numpy.trapz(y, x)}: the sum of {@code (x[i+1] - x[i]) * (y[i+1] + y[i]) / 2}. */
    public static double trapezoid(double[] y, double[] x) {
        double sum = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            sum += (x[i + 1] - x[i]) * (y[i + 1] + y[i]) / 2.0;
        }
        return sum;
    }

    /** The benchmark score of a profile on {@code taus}: its trapezoid integral divided by the grid's range. */
    public static double score(double[] rho, double[] taus) {
        return trapezoid(rho, taus) / (taus[taus.length - 1] - taus[0]);
    }
}
