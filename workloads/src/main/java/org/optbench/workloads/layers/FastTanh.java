package org.optbench.workloads.layers;

/**
 * {@code tanh} in float without {@code exp}: the 13/6 rational approximation of Eigen's
 * {@code generic_fast_tanh_float} (also ONNX Runtime's MLAS and PyTorch's vectorised CPU kernels), accurate to a
 * few float ulps on {@code [-9, 9]}, outside of which {@code tanh} is {@code +-1} in float. Only multiplications,
 * additions, one division and a clamp: a loop of it over a {@code float[]} is vectorised by the JIT, while
 * {@code Math.exp} is called once per element.
 */
final class FastTanh {
    private static final float A1 = 4.89352455891786e-03f;
    private static final float A3 = 6.37261928875436e-04f;
    private static final float A5 = 1.48572235717979e-05f;
    private static final float A7 = 5.12229709037114e-08f;
    private static final float A9 = -8.60467152213735e-11f;
    private static final float A11 = 2.00018790482477e-13f;
    private static final float A13 = -2.76076847742355e-16f;
    private static final float B0 = 4.89352518554385e-03f;
    private static final float B2 = 2.26843463243900e-03f;
    private static final float B4 = 1.18534705686654e-04f;
    private static final float B6 = 1.19825839466702e-06f;

    private FastTanh() {
    }

    /** {@code tanh(x)} to a few float ulps. */
    static float tanh(float x) {
        float c = Math.max(-9f, Math.min(9f, x));
        float c2 = c * c;
        float p = ((((((A13 * c2 + A11) * c2 + A9) * c2 + A7) * c2 + A5) * c2 + A3) * c2 + A1) * c;
        float q = ((B6 * c2 + B4) * c2 + B2) * c2 + B0;
        return p / q;
    }
}
