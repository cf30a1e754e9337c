package org.optbench.workloads.layers;

import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The Gaussian error linear unit in its tanh form (Hendrycks and Gimpel 2016, as in GPT-2):
 * {@code gelu(z) = z/2 (1 + tanh(u))}, {@code u = sqrt(2/pi) (z + 0.044715 z^3)}, with derivative
 * {@code (1 + tanh u)/2 + z/2 (1 - tanh^2 u) sqrt(2/pi) (1 + 3 * 0.044715 z^2)}. The backward pass reads the kept
 * input. In FLOAT both passes run a chunk at a time over heap copies with {@link FastTanh}, which the JIT
 * vectorises; in DOUBLE (the finite-difference checks) element by element with {@code exp}.
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
        if (in.dataType() == DataType.FLOAT) {
            forwardFloat(in, out);
            return;
        }
        FlatArray z = FlatArray.of(in);
        FlatArray y = FlatArray.of(out);
        for (int i = 0; i < z.length(); i++) {
            double x = z.get(i);
            y.set(i, 0.5 * x * (1 + tanh(C * (x + A * x * x * x))));
        }
    }

    /** {@code grad *= gelu'(in)} in place: turns {@code dL/dout} into {@code dL/din}. */
    public static void backwardInPlace(INDArray in, INDArray grad) {
        if (in.dataType() == DataType.FLOAT) {
            backwardFloat(in, grad);
            return;
        }
        FlatArray z = FlatArray.of(in);
        FlatArray g = FlatArray.of(grad);
        for (int i = 0; i < z.length(); i++) {
            double x = z.get(i);
            double t = tanh(C * (x + A * x * x * x));
            double d = 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * C * (1 + 3 * A * x * x);
            g.set(i, g.get(i) * d);
        }
    }

    private static void forwardFloat(INDArray in, INDArray out) {
        int n = (int) in.length();
        FloatBuffer z = in.data().asNioFloat();
        FloatBuffer y = out.data().asNioFloat();
        int zo = (int) in.offset();
        int yo = (int) out.offset();
        float[] a = Scratch.floats(0, Scratch.CHUNK);
        float c = (float) C;
        float k = (float) A;
        for (int s = 0; s < n; s += Scratch.CHUNK) {
            int len = Math.min(Scratch.CHUNK, n - s);
            z.get(zo + s, a, 0, len);
            for (int i = 0; i < len; i++) {
                float x = a[i];
                a[i] = 0.5f * x * (1f + FastTanh.tanh(c * (x + k * x * x * x)));
            }
            y.put(yo + s, a, 0, len);
        }
    }

    private static void backwardFloat(INDArray in, INDArray grad) {
        int n = (int) in.length();
        FloatBuffer z = in.data().asNioFloat();
        FloatBuffer g = grad.data().asNioFloat();
        int zo = (int) in.offset();
        int go = (int) grad.offset();
        float[] a = Scratch.floats(0, Scratch.CHUNK);
        float[] b = Scratch.floats(1, Scratch.CHUNK);
        float c = (float) C;
        float k = (float) A;
        for (int s = 0; s < n; s += Scratch.CHUNK) {
            int len = Math.min(Scratch.CHUNK, n - s);
            z.get(zo + s, a, 0, len);
            g.get(go + s, b, 0, len);
            for (int i = 0; i < len; i++) {
                float x = a[i];
                float t = FastTanh.tanh(c * (x + k * x * x * x));
                b[i] *= 0.5f * (1f + t) + 0.5f * x * (1f - t * t) * c * (1f + 3f * k * x * x);
            }
            g.put(go + s, b, 0, len);
        }
    }
}
