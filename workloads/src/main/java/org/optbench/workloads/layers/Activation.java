package org.optbench.workloads.layers;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An element-wise nonlinearity applied in place. The forward output is kept by the caller and is all the backward
 * pass needs: ReLU's mask is {@code out > 0}, tanh's derivative is {@code 1 - out^2}.
 */
public enum Activation implements Nonlinearity {
    /** {@code max(0, z)}; derivative 1 where the output is positive, else 0. */
    RELU {
        @Override
        float apply(float z) {
            return z > 0f ? z : 0f;
        }

        @Override
        double apply(double z) {
            return z > 0.0 ? z : 0.0;
        }

        @Override
        float derivativeFromOutput(float out) {
            return out > 0f ? 1f : 0f;
        }

        @Override
        double derivativeFromOutput(double out) {
            return out > 0.0 ? 1.0 : 0.0;
        }

        // Branch-free: about half the signs are negative, and a branch per element mispredicted so often that the
        // ReLU loops cost more than the CNN's GEMMs. Math.max(z, 0) is +0 for z <= 0 (-0 included), NaN for NaN.
        @Override
        void applyAll(float[] a, int length) {
            for (int i = 0; i < length; i++) {
                a[i] = Math.max(a[i], 0f);
            }
        }

        /** {@code g *= [y > 0]} for outputs {@code y >= +0}: an all-ones bit mask where y's bits are positive. */
        @Override
        void multiplyByDerivative(float[] g, float[] y, int length) {
            for (int i = 0; i < length; i++) {
                int mask = -Float.floatToRawIntBits(y[i]) >> 31;
                g[i] = Float.intBitsToFloat(Float.floatToRawIntBits(g[i]) & mask);
            }
        }
    },
    /** {@code tanh(z)}; derivative {@code 1 - tanh(z)^2}. */
    TANH {
        // Math.tanh is not an intrinsic and was 7x slower than 1 - 2 / (exp(2z) + 1) over a CNN's activations;
        // the rational FastTanh needs no exp at all and its loop vectorises. The double path keeps Math.tanh for the
        // finite-difference checks.
        @Override
        float apply(float z) {
            return FastTanh.tanh(z);
        }

        @Override
        double apply(double z) {
            return Math.tanh(z);
        }

        @Override
        float derivativeFromOutput(float out) {
            return 1f - out * out;
        }

        @Override
        double derivativeFromOutput(double out) {
            return 1.0 - out * out;
        }
    };

    abstract float apply(float z);

    /**
     * {@code a[i] = f(a[i])} for {@code i < length}: one loop per constant over a heap array, which the JIT
     * vectorises where it can (overridden where the generic call per element would stop it).
     */
    void applyAll(float[] a, int length) {
        for (int i = 0; i < length; i++) {
            a[i] = apply(a[i]);
        }
    }

    /** {@code g[i] *= f'(z_i)} read from the outputs {@code y}, for {@code i < length}. */
    void multiplyByDerivative(float[] g, float[] y, int length) {
        for (int i = 0; i < length; i++) {
            g[i] *= derivativeFromOutput(y[i]);
        }
    }

    abstract double apply(double z);

    abstract float derivativeFromOutput(float out);

    abstract double derivativeFromOutput(double out);

    /** Replaces every entry {@code z} of {@code values} by {@code f(z)}, in place. */
    @Override
    public void forwardInPlace(INDArray values) {
        int n = (int) values.length();
        int o = (int) values.offset();
        if (values.dataType() == DataType.FLOAT) {
            FloatBuffer v = values.data().asNioFloat();
            float[] a = Scratch.floats(0, Scratch.CHUNK);
            for (int s = 0; s < n; s += Scratch.CHUNK) {
                int len = Math.min(Scratch.CHUNK, n - s);
                v.get(o + s, a, 0, len);
                applyAll(a, len);
                v.put(o + s, a, 0, len);
            }
        } else {
            DoubleBuffer v = values.data().asNioDouble();
            for (int i = o; i < o + n; i++) {
                v.put(i, apply(v.get(i)));
            }
        }
    }

    /**
     * Turns {@code dL/dout} into {@code dL/dz} in place: {@code grad *= f'(z)}, with {@code f'} read from the
     * forward output {@code out} (same shape).
     */
    @Override
    public void backwardInPlace(INDArray out, INDArray grad) {
        int n = (int) grad.length();
        int go = (int) grad.offset();
        int oo = (int) out.offset();
        if (grad.dataType() == DataType.FLOAT) {
            FloatBuffer g = grad.data().asNioFloat();
            FloatBuffer y = out.data().asNioFloat();
            float[] ga = Scratch.floats(0, Scratch.CHUNK);
            float[] ya = Scratch.floats(1, Scratch.CHUNK);
            for (int s = 0; s < n; s += Scratch.CHUNK) {
                int len = Math.min(Scratch.CHUNK, n - s);
                g.get(go + s, ga, 0, len);
                y.get(oo + s, ya, 0, len);
                multiplyByDerivative(ga, ya, len);
                g.put(go + s, ga, 0, len);
            }
        } else {
            DoubleBuffer g = grad.data().asNioDouble();
            DoubleBuffer y = out.data().asNioDouble();
            for (int i = 0; i < n; i++) {
                g.put(go + i, g.get(go + i) * derivativeFromOutput(y.get(oo + i)));
            }
        }
    }
}
