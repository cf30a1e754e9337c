package org.optbench.workloads.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Rng;

class MixedSoftmaxCrossEntropyTest {
    @Test
    void oneRowByHand() {
        // z = (0, ln 3): p = (1/4, 3/4); t = 0; q = (1/2, 1/2); w = 1/2.
        // CE = ln 4; KL = 1/2 ln 2 + 1/2 ln(2/3); L = (CE + KL) / 2; dL/dz = p - (1/2 [1, 0] + 1/2 q) = (-1/2, 1/2).
        INDArray z = Nd4j.createFromArray(new double[][] {{0, Math.log(3)}});
        INDArray g = Nd4j.zeros(DataType.DOUBLE, 1, 2);
        double loss = MixedSoftmaxCrossEntropy.lossAndGradient(z, new int[] {0}, new double[] {0.5, 0.5}, 0.5, g);
        double kl = 0.5 * Math.log(2) + 0.5 * Math.log(2.0 / 3);
        assertEquals((Math.log(4) + kl) / 2, loss, 1e-15);
        assertArrayEquals(new double[] {-0.5, 0.5}, g.toDoubleVector(), 1e-15);
    }

    @Test
    void weightZeroIsThePlainCrossEntropyBitForBitAndWeightOneIsTheDivergence() {
        Rng rng = Rng.of(3);
        int rows = 6;
        int k = 5;
        INDArray z = Nd4j.zeros(DataType.DOUBLE, rows, k);
        double[] q = new double[rows * k];
        int[] t = new int[rows];
        for (int r = 0; r < rows; r++) {
            t[r] = rng.nextInt(k);
            double sum = 0;
            for (int c = 0; c < k; c++) {
                z.putScalar(r, c, 3 * rng.nextGaussian());
                q[r * k + c] = rng.nextDouble();
                sum += q[r * k + c];
            }
            for (int c = 0; c < k; c++) {
                q[r * k + c] /= sum;
            }
        }
        INDArray plain = Nd4j.zeros(DataType.DOUBLE, rows, k);
        INDArray mixed = Nd4j.zeros(DataType.DOUBLE, rows, k);
        double plainLoss = SparseSoftmaxCrossEntropy.lossAndGradient(z, t, plain);
        assertEquals(plainLoss, MixedSoftmaxCrossEntropy.lossAndGradient(z, t, q, 0.0, mixed), 0.0);
        assertArrayEquals(plain.data().asDouble(), mixed.data().asDouble(), 0.0);

        // w = 1: the mean KL(q || p), computed here from its definition.
        double kl = 0;
        for (int r = 0; r < rows; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                max = Math.max(max, z.getDouble(r, c));
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += Math.exp(z.getDouble(r, c) - max);
            }
            for (int c = 0; c < k; c++) {
                double p = Math.exp(z.getDouble(r, c) - max) / sum;
                kl += q[r * k + c] * Math.log(q[r * k + c] / p);
            }
        }
        assertEquals(kl / rows, MixedSoftmaxCrossEntropy.lossAndGradient(z, t, q, 1.0, mixed), 1e-13);

        // w = 0.3: the gradient against central differences of the loss.
        INDArray grad = Nd4j.zeros(DataType.DOUBLE, rows, k);
        MixedSoftmaxCrossEntropy.lossAndGradient(z, t, q, 0.3, grad);
        INDArray scratch = Nd4j.zeros(DataType.DOUBLE, rows, k);
        double h = 1e-6;
        for (int i = 0; i < rows * k; i++) {
            double saved = z.getDouble(i);
            z.putScalar(i, saved + h);
            double plus = MixedSoftmaxCrossEntropy.lossAndGradient(z, t, q, 0.3, scratch);
            z.putScalar(i, saved - h);
            double minus = MixedSoftmaxCrossEntropy.lossAndGradient(z, t, q, 0.3, scratch);
            z.putScalar(i, saved);
            assertEquals((plus - minus) / (2 * h), grad.getDouble(i), 1e-8, "entry " + i);
        }
    }
}
