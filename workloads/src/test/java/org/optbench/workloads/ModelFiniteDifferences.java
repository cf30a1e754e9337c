package org.optbench.workloads;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.optbench.api.Batch;
import org.optbench.api.Params;

/** Central finite differences of a whole model's loss in float64, against its analytic gradients. */
public final class ModelFiniteDifferences {
    private static final double H = 1e-6;

    private ModelFiniteDifferences() {
    }

    /**
     * The absolute error below which a difference counts as rounding: a central difference at h = 1e-6 of a loss
     * of order 1, summed over hundreds of terms in double, carries about {@code 10 eps |L| / h = 1e-9} of noise
     * (measured: 1e-10 to 2e-10 on entries of 1e-6 to 1e-4). So entries of magnitude 1e-3 or more are checked to
     * a relative 1e-6; smaller ones to this absolute error.
     */
    public static final double ROUNDING = 1e-9;

    /**
     * Checks entry {@code index} of parameter {@code p}: the analytic gradient (from {@code analytic}, a copy
     * taken at {@code params}) against {@code (L(x + h) - L(x - h)) / 2h} computed with {@code probe}: relative
     * error below {@code tolerance} unless the absolute difference is under {@link #ROUNDING} (entries that are
     * zero up to rounding). Returns {@code [relative error, larger magnitude of the two]}.
     */
    public static double[] check(Model probe, Params params, Params analytic, Batch batch, int p, long index,
                                 double tolerance) {
        INDArray x = params.value(p).reshape(params.value(p).length());
        double saved = x.getDouble(index);
        x.putScalar(index, saved + H);
        double plus = probe.lossAndGradients(params, batch).loss();
        x.putScalar(index, saved - H);
        double minus = probe.lossAndGradients(params, batch).loss();
        x.putScalar(index, saved);
        double numeric = (plus - minus) / (2 * H);
        double exact = analytic.value(p).reshape(analytic.value(p).length()).getDouble(index);
        double diff = Math.abs(numeric - exact);
        double magnitude = Math.max(Math.abs(numeric), Math.abs(exact));
        double error = diff / Math.max(1e-300, magnitude);
        if (diff > ROUNDING) {
            assertTrue(error < tolerance, params.get(p).name() + "[" + index + "]: analytic " + exact
                    + ", finite difference " + numeric + ", relative error " + error);
        }
        return new double[] {error, magnitude};
    }

    /** Worst relative error over checks, and how many entries were of magnitude at least 1e-3 (not vacuous). */
    public static final class Summary {
        private double worst;
        private int substantial;
        private int total;

        /** Records one check's result. */
        public void add(double[] result) {
            total++;
            if (result[1] >= 1e-3) {
                substantial++;
                worst = Math.max(worst, result[0]);
            }
        }

        /** The worst relative error among entries of magnitude at least 1e-3. */
        public double worst() {
            return worst;
        }

        /** The number of entries of magnitude at least 1e-3. */
        public int substantial() {
            return substantial;
        }

        @Override
        public String toString() {
            return "worst relative error " + worst + " over " + substantial + " of " + total
                    + " entries with |gradient| >= 1e-3";
        }
    }
}
