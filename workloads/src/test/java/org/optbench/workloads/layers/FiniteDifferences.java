package org.optbench.workloads.layers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleSupplier;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Central finite differences in float64, for checking hand-written backward passes. */
final class FiniteDifferences {
    static final double H = 1e-6;
    static final double TOLERANCE = 1e-6;

    private FiniteDifferences() {
    }

    /** {@code (f(x + h e_i) - f(x - h e_i)) / 2h} for entry {@code i} of {@code x} (a contiguous DOUBLE array). */
    static double derivative(INDArray x, long i, DoubleSupplier f) {
        INDArray flat = x.reshape(x.length());
        double saved = flat.getDouble(i);
        flat.putScalar(i, saved + H);
        double plus = f.getAsDouble();
        flat.putScalar(i, saved - H);
        double minus = f.getAsDouble();
        flat.putScalar(i, saved);
        return (plus - minus) / (2 * H);
    }

    /**
     * Checks every entry of {@code analytic} (a copy, taken before calling this) against the central difference
     * of {@code f} with respect to the same entry of {@code x}: relative error below {@link #TOLERANCE}, with an
     * absolute floor of 1e-9 for entries that are zero up to rounding.
     */
    static void check(String what, INDArray x, INDArray analytic, DoubleSupplier f) {
        INDArray a = analytic.reshape(analytic.length());
        for (long i = 0; i < x.length(); i++) {
            double numeric = derivative(x, i, f);
            double exact = a.getDouble(i);
            double error = Math.abs(numeric - exact) / Math.max(1e-9, Math.max(Math.abs(numeric), Math.abs(exact)));
            if (Math.abs(numeric - exact) > 1e-9) {
                assertTrue(error < TOLERANCE, what + "[" + i + "]: analytic " + exact + ", finite difference "
                        + numeric + ", relative error " + error);
            }
        }
    }
}
