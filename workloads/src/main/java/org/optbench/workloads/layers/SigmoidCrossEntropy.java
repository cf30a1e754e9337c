package org.optbench.workloads.layers;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Sigmoid (binary) cross-entropy per output, averaged over outputs and the batch, for targets in {@code [0, 1]}:
 * {@code L = (1/n) sum_i [log(1 + exp(z_i)) - t_i z_i]}, written {@code max(z, 0) - t z + log(1 + exp(-|z|))} so
 * that no exponential overflows; {@code n} is the number of entries. Gradient {@code dL/dz = (s(z) - t) / n}.
 * Sums are accumulated in double.
 */
public final class SigmoidCrossEntropy {
    private SigmoidCrossEntropy() {
    }

    /** The mean loss; writes {@code dL/dlogits} into {@code gradLogits} (may be {@code logits} itself). */
    public static double lossAndGradient(INDArray logits, INDArray targets, INDArray gradLogits) {
        return run(logits, targets, gradLogits, null) / logits.length();
    }

    /**
     * The summed (not mean) loss over all entries; {@code squaredError[0]} receives the summed squared error of
     * the reconstruction {@code s(z)} against the targets. For evaluation; writes nothing else.
     */
    public static double summedLossAndSquaredError(INDArray logits, INDArray targets, double[] squaredError) {
        return run(logits, targets, null, squaredError);
    }

    private static double run(INDArray logits, INDArray targets, INDArray grad, double[] squaredError) {
        int n = (int) logits.length();
        int zo = (int) logits.offset();
        int to = (int) targets.offset();
        int go = grad == null ? 0 : (int) grad.offset();
        double invN = 1.0 / n;
        double sum = 0;
        double sq = 0;
        boolean isFloat = logits.dataType() == DataType.FLOAT;
        FloatBuffer zf = isFloat ? logits.data().asNioFloat() : null;
        FloatBuffer tf = isFloat ? targets.data().asNioFloat() : null;
        FloatBuffer gf = isFloat && grad != null ? grad.data().asNioFloat() : null;
        DoubleBuffer zd = isFloat ? null : logits.data().asNioDouble();
        DoubleBuffer td = isFloat ? null : targets.data().asNioDouble();
        DoubleBuffer gd = !isFloat && grad != null ? grad.data().asNioDouble() : null;
        for (int i = 0; i < n; i++) {
            double z = isFloat ? zf.get(zo + i) : zd.get(zo + i);
            double t = isFloat ? tf.get(to + i) : td.get(to + i);
            sum += loss(z, t);
            double s = Sigmoid.of(z);
            if (squaredError != null) {
                sq += (s - t) * (s - t);
            }
            if (grad != null) {
                double g = (s - t) * invN;
                if (isFloat) {
                    gf.put(go + i, (float) g);
                } else {
                    gd.put(go + i, g);
                }
            }
        }
        if (squaredError != null) {
            squaredError[0] = sq;
        }
        return sum;
    }

    /** The summed loss over the first {@code count} entries (for evaluation of a padded batch). */
    public static double summedLoss(INDArray logits, INDArray targets, int count) {
        Values z = Values.of(logits);
        Values t = Values.of(targets);
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += loss(z.get(i), t.get(i));
        }
        return sum;
    }

    /** One term: {@code max(z, 0) - z t + log(1 + exp(-|z|))}. */
    public static double loss(double z, double t) {
        return Math.max(z, 0) - z * t + Math.log1p(Math.exp(-Math.abs(z)));
    }

    /** {@code 1 / (1 + exp(-z))}, without overflow. */
    public static double sigmoid(double z) {
        return Sigmoid.of(z);
    }
}
