package org.optbench.workloads.layers;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Sigmoid (binary) cross-entropy per output, averaged over outputs and the batch:
 * {@code L = (1/n) sum_i [max(z_i, 0) - z_i t_i + log(1 + exp(-|z_i|))]}, which is
 * {@code -(t log sigma(z) + (1 - t) log(1 - sigma(z)))} written so that no exponential overflows. Its gradient is
 * {@code dL/dz_i = (sigma(z_i) - t_i) / n}.
 */
public final class SigmoidCrossEntropy {
    private SigmoidCrossEntropy() {
    }

    /** The mean loss; writes {@code dL/dlogits} into {@code gradLogits} (same shape; may be null). */
    public static double lossAndGradient(INDArray logits, INDArray targets, INDArray gradLogits) {
        int n = (int) logits.length();
        double sum = summedLoss(logits, targets, n);
        if (gradLogits != null) {
            Values z = Values.of(logits);
            Values t = Values.of(targets);
            Values g = Values.of(gradLogits);
            double inv = 1.0 / n;
            for (int i = 0; i < n; i++) {
                g.set(i, (sigmoid(z.get(i)) - t.get(i)) * inv);
            }
        }
        return sum / n;
    }

    /** The summed loss over the first {@code count} entries (for evaluation). */
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
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }
}
