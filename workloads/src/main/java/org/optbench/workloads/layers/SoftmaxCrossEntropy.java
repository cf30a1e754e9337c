package org.optbench.workloads.layers;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Softmax cross-entropy over classes, averaged over the batch:
 * {@code L = -(1/B) sum_b sum_k t[b,k] log softmax(z[b])_k}, with {@code t} one-hot (or any distribution per
 * row). Its gradient is written by hand: {@code dL/dz = (softmax(z) - t) / B}. Each row is shifted by its
 * maximum before exponentiation, and the log-sum-exp is accumulated in double.
 */
public final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {
    }

    /**
     * The mean loss; writes {@code dL/dlogits} into {@code gradLogits} (same shape as {@code logits} {@code [B, K]};
     * may be {@code logits} itself).
     */
    public static double lossAndGradient(INDArray logits, INDArray targets, INDArray gradLogits) {
        return run(logits, targets, gradLogits, null);
    }

    /**
     * The summed (not mean) loss over the rows, and the number of rows whose largest logit is at the target's
     * largest entry, stored in {@code correct[0]}. For evaluation; writes nothing else.
     */
    public static double summedLossAndCorrect(INDArray logits, INDArray targets, long[] correct) {
        return run(logits, targets, null, correct) * logits.size(0);
    }

    private static double run(INDArray logits, INDArray targets, INDArray grad, long[] correct) {
        int rows = (int) logits.size(0);
        int k = (int) logits.size(1);
        int zo = (int) logits.offset();
        int to = (int) targets.offset();
        int go = grad == null ? 0 : (int) grad.offset();
        double invRows = 1.0 / rows;
        double total = 0;
        long hits = 0;
        boolean isFloat = logits.dataType() == DataType.FLOAT;
        FloatBuffer zf = isFloat ? logits.data().asNioFloat() : null;
        FloatBuffer tf = isFloat ? targets.data().asNioFloat() : null;
        FloatBuffer gf = isFloat && grad != null ? grad.data().asNioFloat() : null;
        DoubleBuffer zd = isFloat ? null : logits.data().asNioDouble();
        DoubleBuffer td = isFloat ? null : targets.data().asNioDouble();
        DoubleBuffer gd = !isFloat && grad != null ? grad.data().asNioDouble() : null;
        for (int r = 0; r < rows; r++) {
            int z0 = zo + r * k;
            int t0 = to + r * k;
            double max = Double.NEGATIVE_INFINITY;
            int argmax = 0;
            double tmax = Double.NEGATIVE_INFINITY;
            int targmax = 0;
            for (int c = 0; c < k; c++) {
                double z = isFloat ? zf.get(z0 + c) : zd.get(z0 + c);
                if (z > max) {
                    max = z;
                    argmax = c;
                }
                double t = isFloat ? tf.get(t0 + c) : td.get(t0 + c);
                if (t > tmax) {
                    tmax = t;
                    targmax = c;
                }
            }
            double sumExp = 0;
            for (int c = 0; c < k; c++) {
                sumExp += Math.exp((isFloat ? zf.get(z0 + c) : zd.get(z0 + c)) - max);
            }
            double logSumExp = max + Math.log(sumExp);
            double rowLoss = 0;
            for (int c = 0; c < k; c++) {
                double z = isFloat ? zf.get(z0 + c) : zd.get(z0 + c);
                double t = isFloat ? tf.get(t0 + c) : td.get(t0 + c);
                if (t != 0) {
                    rowLoss -= t * (z - logSumExp);
                }
                if (grad != null) {
                    double g = (Math.exp(z - logSumExp) - t) * invRows;
                    if (isFloat) {
                        gf.put(go + r * k + c, (float) g);
                    } else {
                        gd.put(go + r * k + c, g);
                    }
                }
            }
            total += rowLoss;
            if (argmax == targmax) {
                hits++;
            }
        }
        if (correct != null) {
            correct[0] = hits;
        }
        return total * invRows;
    }
}
