package org.optbench.workloads.layers;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The Gaussian error linear unit in its tanh form (Hendrycks and Gimpel 2016, as in GPT-2):
 * {@code gelu(z) = z/2 (1 + tanh(u))}, {@code u = sqrt(2/pi) (z + 0.044715 z^3)}, with derivative
 * {@code (1 + tanh u)/2 + z/2 (1 - tanh^2 u) sqrt(2/pi) (1 + 3 * 0.044715 z^2)}. The backward pass reads the kept
 * input.
 */
public final class Gelu {
    private static final double C = Math.sqrt(2.0 / Math.PI);
    private static final double A = 0.044715;

    private Gelu() {
    }

    /**
     * {@code tanh(u) = 1 - 2 / (exp(2u) + 1)}: exact in exact arithmetic, and several times faster than
     * {@code Math.tanh} here ({@code Math.exp} is a JIT intrinsic); the absolute rounding error stays near 1e-16.
     */
    static double tanh(double u) {
        return 1.0 - 2.0 / (Math.exp(2.0 * u) + 1.0);
    }

    /** {@code out = gelu(in)} element-wise (same shape; may not be the same array). */
    public static void forward(INDArray in, INDArray out) {
        FlatArray z = FlatArray.of(in);
        FlatArray y = FlatArray.of(out);
        for (int i = 0; i < z.length(); i++) {
            double x = z.get(i);
            y.set(i, 0.5 * x * (1 + tanh(C * (x + A * x * x * x))));
        }
    }

    /** {@code grad *= gelu'(in)} in place: turns {@code dL/dout} into {@code dL/din}. */
    public static void backwardInPlace(INDArray in, INDArray grad) {
        FlatArray z = FlatArray.of(in);
        FlatArray g = FlatArray.of(grad);
        for (int i = 0; i < z.length(); i++) {
            double x = z.get(i);
            double t = tanh(C * (x + A * x * x * x));
            double d = 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * C * (1 + 3 * A * x * x);
            g.set(i, g.get(i) * d);
        }
    }
}
