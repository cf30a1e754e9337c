package org.optbench.workloads.layers;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Softmax cross-entropy with integer class targets, averaged over the rows:
 * {@code L = -(1/N) sum_n log softmax(z[n])_{t[n]}}, gradient {@code dL/dz[n,k] = (softmax(z[n])_k - [k = t[n]]) / N}.
 * The same as {@link SoftmaxCrossEntropy} with one-hot targets, without building them. Max-shifted log-sum-exp in
 * double.
 */
public final class SparseSoftmaxCrossEntropy {
    private SparseSoftmaxCrossEntropy() {
    }

    /** The mean loss; writes {@code dL/dlogits} into {@code gradLogits} {@code [N, K]} (may be {@code logits}). */
    public static double lossAndGradient(INDArray logits, int[] targets, INDArray gradLogits) {
        return summed(logits, targets, gradLogits) / logits.size(0);
    }

    /** The summed (not mean) loss over the rows, for evaluation; writes nothing. */
    public static double summedLoss(INDArray logits, int[] targets) {
        return summed(logits, targets, null);
    }

    private static double summed(INDArray logits, int[] targets, INDArray grad) {
        int rows = (int) logits.size(0);
        int k = (int) logits.size(1);
        if (targets.length != rows) {
            throw new IllegalArgumentException(rows + " rows of logits but " + targets.length + " targets");
        }
        FlatArray z = FlatArray.of(logits);
        FlatArray g = grad == null ? null : FlatArray.of(grad);
        double invRows = 1.0 / rows;
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int base = r * k;
            double logSumExp = logSumExp(z, base, k);
            int t = target(targets, r, k);
            total += logSumExp - z.get(base + t);
            if (g != null) {
                for (int c = 0; c < k; c++) {
                    double p = Math.exp(z.get(base + c) - logSumExp);
                    g.set(base + c, (p - (c == t ? 1.0 : 0.0)) * invRows);
                }
            }
        }
        return total;
    }

    /** log sum_c exp(z[base + c]) over c in [0, k), shifted by the row's maximum. */
    static double logSumExp(FlatArray z, int base, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            max = Math.max(max, z.get(base + c));
        }
        double sumExp = 0;
        for (int c = 0; c < k; c++) {
            sumExp += Math.exp(z.get(base + c) - max);
        }
        return max + Math.log(sumExp);
    }

    /** Row r's target, checked to lie in [0, k). */
    static int target(int[] targets, int r, int k) {
        int t = targets[r];
        if (t < 0 || t >= k) {
            throw new IllegalArgumentException("target " + t + " outside 0.." + (k - 1));
        }
        return t;
    }
}
