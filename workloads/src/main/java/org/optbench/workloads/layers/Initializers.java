package org.optbench.workloads.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.optbench.api.Rng;

/** Random initial values written in place into a contiguous FLOAT or DOUBLE tensor, drawn in order from an Rng. */
public final class Initializers {
    private Initializers() {
    }

    /** Normal with standard deviation {@code std}; for a kernel {@code [fanIn, out]} He normal is {@code sqrt(2 / fanIn)}. */
    public static void normal(INDArray tensor, double std, Rng rng) {
        Values v = Values.of(tensor);
        int n = (int) tensor.length();
        for (int i = 0; i < n; i++) {
            v.set(i, std * rng.nextGaussian());
        }
    }

    /** Uniform on {@code [-bound, bound)}. */
    public static void uniform(INDArray tensor, double bound, Rng rng) {
        Values v = Values.of(tensor);
        int n = (int) tensor.length();
        for (int i = 0; i < n; i++) {
            v.set(i, bound * (2 * rng.nextDouble() - 1));
        }
    }

    /** He normal kernels ({@code sqrt(2 / fan_in)}) and zero biases for the layers of {@code mlp}, from {@code params[first]}. */
    public static void mlp(org.optbench.api.Params params, int first, Mlp mlp, Rng rng) {
        double gain = mlp.activation() == Activation.RELU ? 2.0 : 1.0;
        for (int i = 0; i < mlp.layers(); i++) {
            normal(params.value(first + 2 * i), Math.sqrt(gain / mlp.fanIn(i)), rng);
            params.value(first + 2 * i + 1).assign(0);
        }
    }
}
