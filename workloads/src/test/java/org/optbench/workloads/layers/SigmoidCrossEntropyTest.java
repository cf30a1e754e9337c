package org.optbench.workloads.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.optbench.workloads.testing.GradientCheck.assertMatches;
import static org.optbench.workloads.testing.GradientCheck.dot;
import static org.optbench.workloads.testing.GradientCheck.gaussian;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Rng;

/** Sigmoid cross-entropy and the sigmoid units against closed forms and finite differences. */
class SigmoidCrossEntropyTest {

    @Test
    void lossHasItsClosedFormAndSurvivesLargeLogits() {
        // z = 0: log 2 whatever the target; z = 2, t = 1: log(1 + e^-2); z = -800, t = 0: ~0; z = 800, t = 0: 800.
        INDArray z = Nd4j.create(new double[] {0, 0, 2, -800, 800, -3}, new long[] {1, 6}, DataType.DOUBLE);
        INDArray t = Nd4j.create(new double[] {0, 0.3, 1, 0, 0, 0.25}, new long[] {1, 6}, DataType.DOUBLE);
        double expected = (Math.log(2) + Math.log(2) + Math.log1p(Math.exp(-2)) + 0 + 800
                + (Math.log1p(Math.exp(-3)) + 0.25 * 3)) / 6;
        INDArray grad = Nd4j.zeros(DataType.DOUBLE, 1, 6);
        assertEquals(expected, SigmoidCrossEntropy.lossAndGradient(z, t, grad), 1e-12);
        assertEquals((0.5 - 0.3) / 6, grad.getDouble(0, 1), 1e-15);
        assertEquals(1.0 / 6, grad.getDouble(0, 4), 1e-15);
        double[] sq = new double[1];
        double summed = SigmoidCrossEntropy.summedLossAndSquaredError(z, t, sq);
        assertEquals(expected * 6, summed, 1e-10);
        double s2 = 1 / (1 + Math.exp(-2));
        double s3 = 1 / (1 + Math.exp(3));
        assertEquals(0.25 + 0.04 + (s2 - 1) * (s2 - 1) + 0 + 1 + (s3 - 0.25) * (s3 - 0.25), sq[0], 1e-12);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        Rng rng = Rng.of(4);
        INDArray z = gaussian(rng, 3, 4).muli(3);
        INDArray t = Nd4j.rand(DataType.DOUBLE, 3, 4);
        INDArray grad = Nd4j.zeros(DataType.DOUBLE, 3, 4);
        SigmoidCrossEntropy.lossAndGradient(z, t, grad);
        INDArray scratch = Nd4j.zeros(DataType.DOUBLE, 3, 4);
        assertMatches("dlogits", z, grad, () -> SigmoidCrossEntropy.lossAndGradient(z, t, scratch), 1e-8);
    }

    @Test
    void sigmoidUnitsBackwardMatchesFiniteDifferences() {
        Rng rng = Rng.of(6);
        INDArray z = gaussian(rng, 2, 5).muli(2);
        INDArray r = gaussian(rng, 2, 5);
        INDArray out = z.dup();
        Sigmoid.forwardInPlace(out);
        for (int i = 0; i < 10; i++) {
            double zi = z.getDouble(i / 5, i % 5);
            assertEquals(1 / (1 + Math.exp(-zi)), out.getDouble(i / 5, i % 5), 1e-15);
        }
        INDArray grad = r.dup();
        Sigmoid.backwardInPlace(out, grad);
        assertMatches("dz", z, grad, () -> {
            INDArray s = z.dup();
            Sigmoid.forwardInPlace(s);
            return dot(s, r);
        }, 1e-8);
        assertTrue(Sigmoid.of(-1000) >= 0 && Sigmoid.of(1000) == 1.0);
    }
}
