package org.optbench.workloads.layers;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The logistic function {@code s(z) = 1 / (1 + exp(-z))} as a hidden nonlinearity, applied in place like
 * {@link Activation}; its derivative is read from the output: {@code s'(z) = s (1 - s)}.
 */
public final class Sigmoid {
    private Sigmoid() {
    }

    /** {@code s(z)} without overflow for large {@code |z|}. */
    public static double of(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    /** Replaces every entry {@code z} by {@code s(z)}, in place. */
    public static void forwardInPlace(INDArray values) {
        int n = (int) values.length();
        int o = (int) values.offset();
        if (values.dataType() == DataType.FLOAT) {
            FloatBuffer v = values.data().asNioFloat();
            for (int i = o; i < o + n; i++) {
                v.put(i, (float) of(v.get(i)));
            }
        } else {
            DoubleBuffer v = values.data().asNioDouble();
            for (int i = o; i < o + n; i++) {
                v.put(i, of(v.get(i)));
            }
        }
    }

    /** {@code grad *= out (1 - out)} in place, with {@code out} the forward output. */
    public static void backwardInPlace(INDArray out, INDArray grad) {
        int n = (int) grad.length();
        int go = (int) grad.offset();
        int oo = (int) out.offset();
        if (grad.dataType() == DataType.FLOAT) {
            FloatBuffer g = grad.data().asNioFloat();
            FloatBuffer y = out.data().asNioFloat();
            for (int i = 0; i < n; i++) {
                float s = y.get(oo + i);
                g.put(go + i, g.get(go + i) * s * (1f - s));
            }
        } else {
            DoubleBuffer g = grad.data().asNioDouble();
            DoubleBuffer y = out.data().asNioDouble();
            for (int i = 0; i < n; i++) {
                double s = y.get(oo + i);
                g.put(go + i, g.get(go + i) * s * (1.0 - s));
            }
        }
    }
}
