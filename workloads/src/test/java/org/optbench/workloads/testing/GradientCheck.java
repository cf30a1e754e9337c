package org.optbench.workloads.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleSupplier;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Params;
import org.optbench.api.Rng;

/** Central finite differences in float64, the independent reference for every hand-written backward pass. */
public final class GradientCheck {
    /** The step of the central differences; truncation error ~eps^2, rounding ~1e-16 / eps. */
    public static final double EPS = 1e-6;

    private GradientCheck() {
    }

    /** {@code (f(x + eps e_i) - f(x - eps e_i)) / (2 eps)} for entry {@code i} of the contiguous array {@code x}. */
    public static double partial(INDArray x, long i, DoubleSupplier f) {
        double orig = x.getDouble(i);
        x.putScalar(i, orig + EPS);
        double up = f.getAsDouble();
        x.putScalar(i, orig - EPS);
        double down = f.getAsDouble();
        x.putScalar(i, orig);
        return (up - down) / (2 * EPS);
    }

    /**
     * Checks every entry of {@code analytic} against the finite difference of {@code f} in the matching entry of
     * {@code x}: {@code |a - fd| <= tol * max(1, |fd|)}.
     */
    public static void assertMatches(String what, INDArray x, INDArray analytic, DoubleSupplier f, double tol) {
        assertEquals(x.length(), analytic.length(), what + ": shapes");
        INDArray xl = x.reshape(x.length());
        INDArray al = analytic.reshape(analytic.length());
        for (long i = 0; i < x.length(); i++) {
            double fd = partial(xl, i, f);
            double a = al.getDouble(i);
            assertTrue(Math.abs(a - fd) <= tol * Math.max(1, Math.abs(fd)),
                    what + "[" + i + "]: analytic " + a + " vs finite difference " + fd);
        }
    }

    /**
     * Checks the directional derivative along a random direction {@code v} (unit Gaussian entries) over all
     * parameters: {@code <grad, v>} against {@code (f(p + eps v) - f(p - eps v)) / (2 eps)}, relative tolerance.
     */
    public static void assertDirectionalDerivative(Params params, Params gradients, DoubleSupplier f, Rng rng,
                                                   double relTol) {
        Params direction = params.zerosLike();
        double dot = 0;
        for (int p = 0; p < params.size(); p++) {
            INDArray v = direction.value(p);
            INDArray vl = v.reshape(v.length());
            INDArray gl = gradients.value(p).reshape(v.length());
            for (long i = 0; i < v.length(); i++) {
                double d = rng.nextGaussian();
                vl.putScalar(i, d);
                dot += d * gl.getDouble(i);
            }
        }
        shift(params, direction, EPS);
        double up = f.getAsDouble();
        shift(params, direction, -2 * EPS);
        double down = f.getAsDouble();
        shift(params, direction, EPS);
        double fd = (up - down) / (2 * EPS);
        assertTrue(Math.abs(dot - fd) <= relTol * Math.abs(fd) + 1e-9,
                "directional derivative: analytic " + dot + " vs finite difference " + fd);
    }

    private static void shift(Params params, Params direction, double scale) {
        for (int p = 0; p < params.size(); p++) {
            params.value(p).addi(direction.value(p).mul(scale));
        }
    }

    /** A float64 array of standard normal draws. */
    public static INDArray gaussian(Rng rng, long... shape) {
        INDArray a = Nd4j.zeros(DataType.DOUBLE, shape);
        INDArray l = a.reshape(a.length());
        for (long i = 0; i < a.length(); i++) {
            l.putScalar(i, rng.nextGaussian());
        }
        return a;
    }

    /** {@code sum(a * b)} over all entries, in double. */
    public static double dot(INDArray a, INDArray b) {
        INDArray al = a.reshape(a.length());
        INDArray bl = b.reshape(b.length());
        double s = 0;
        for (long i = 0; i < a.length(); i++) {
            s += al.getDouble(i) * bl.getDouble(i);
        }
        return s;
    }
}
