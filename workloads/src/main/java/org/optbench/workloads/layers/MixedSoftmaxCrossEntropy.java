package org.optbench.workloads.layers;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Softmax cross-entropy against a hard target mixed with a KL divergence to a soft one (distillation), averaged
 * over the rows: {@code L = (1/N) sum_n [(1 - w) (-log p_n[t_n]) + w KL(q_n || p_n)]}, {@code p_n = softmax(z_n)},
 * gradient {@code dL/dz[n,k] = (p_n[k] - (1 - w) [k = t_n] - w q_n[k]) / N} (Hinton, Vinyals and Dean, "Distilling
 * the knowledge in a neural network", 2015, at temperature 1). With {@code w = 0} it computes exactly what
 * {@link SparseSoftmaxCrossEntropy} computes, in the same order, so a weight of 0 is the plain loss bit for bit.
 */
public final class MixedSoftmaxCrossEntropy {
    private MixedSoftmaxCrossEntropy() {
    }

    /**
     * The mean mixed loss; writes {@code dL/dlogits} into {@code gradLogits} {@code [N, K]}.
     *
     * @param soft the soft targets, row-major {@code [N, K]}, each row a distribution
     * @param weight w, in [0, 1]
     */
    public static double lossAndGradient(INDArray logits, int[] targets, double[] soft, double weight,
                                         INDArray gradLogits) {
        int rows = (int) logits.size(0);
        int k = (int) logits.size(1);
        if (targets.length != rows || soft.length < (long) rows * k) {
            throw new IllegalArgumentException(rows + " rows of " + k + " logits but " + targets.length
                    + " targets and " + soft.length + " soft values");
        }
        FlatArray z = FlatArray.of(logits);
        FlatArray g = FlatArray.of(gradLogits);
        double invRows = 1.0 / rows;
        double hard = 1 - weight;
        double crossEntropy = 0;
        double divergence = 0;
        for (int r = 0; r < rows; r++) {
            int base = r * k;
            double logSumExp = SparseSoftmaxCrossEntropy.logSumExp(z, base, k);
            int t = SparseSoftmaxCrossEntropy.target(targets, r, k);
            crossEntropy += logSumExp - z.get(base + t);
            for (int c = 0; c < k; c++) {
                double q = soft[base + c];
                if (q > 0) {
                    divergence += q * (Math.log(q) - (z.get(base + c) - logSumExp));
                }
                double p = Math.exp(z.get(base + c) - logSumExp);
                g.set(base + c, (p - (hard * (c == t ? 1.0 : 0.0) + weight * q)) * invRows);
            }
        }
        return (hard * crossEntropy + weight * divergence) / rows;
    }
}
