package org.optbench.results.records;

import java.util.List;
import org.optbench.api.MetricDirection;

/** The best finite value of a metric column over a trial's evaluations. */
public final class BestValue {
    private BestValue() {
    }

    /** The best finite value of {@code column} in {@code evals}; NaN when there is none. */
    public static double of(List<EvalRow> evals, String column, MetricDirection direction) {
        double best = Double.NaN;
        for (EvalRow row : evals) {
            double v = row.metric(column);
            if (Double.isFinite(v) && direction.better(v, best)) {
                best = v;
            }
        }
        return best;
    }
}
