package org.optbench.workloads.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.optbench.workloads.testing.GradientCheck.assertMatches;
import static org.optbench.workloads.testing.GradientCheck.dot;
import static org.optbench.workloads.testing.GradientCheck.gaussian;

import java.util.function.DoubleSupplier;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Rng;

/**
 * LayerNorm's forward against its definition, and its backward pass against finite differences (float64), in both
 * of its uses: in place over a CNN's channels, and into separate buffers over a transformer's residual stream.
 */
class LayerNormTest {

    @Test
    void forwardNormalisesEachRowThenScalesAndShifts() {
        INDArray x = Nd4j.create(new double[] {1, 2, 3, 4, -10, 0, 10, 20}, new long[] {2, 4}, DataType.DOUBLE);
        INDArray scale = Nd4j.create(new double[] {1, 2, 1, 1}, new long[] {4}, DataType.DOUBLE);
        INDArray shift = Nd4j.create(new double[] {0, 0, 5, 0}, new long[] {4}, DataType.DOUBLE);
        INDArray normalized = Nd4j.zeros(DataType.DOUBLE, 2, 4);
        INDArray out = Nd4j.zeros(DataType.DOUBLE, 2, 4);
        double[] invStd = new double[2];
        LayerNorm.forward(x, scale, shift, normalized, invStd, out);
        // Row 0: mean 2.5, biased variance 1.25.
        double s0 = Math.sqrt(1.25 + LayerNorm.EPSILON);
        assertEquals(1 / s0, invStd[0], 1e-15);
        assertEquals(-1.5 / s0, out.getDouble(0, 0), 1e-12);
        assertEquals(2 * -0.5 / s0, out.getDouble(0, 1), 1e-12);
        assertEquals(0.5 / s0 + 5, out.getDouble(0, 2), 1e-12);
        // Row 1: mean 5, biased variance (225 + 25 + 25 + 225) / 4 = 125.
        double s1 = Math.sqrt(125 + LayerNorm.EPSILON);
        assertEquals(15 / s1, out.getDouble(1, 3), 1e-12);
        assertEquals(-15 / s1, normalized.getDouble(1, 0), 1e-12);
    }

    @Test
    void backwardMatchesFiniteDifferences() {
        Rng rng = Rng.of(8);
        int rows = 3;
        int f = 5;
        INDArray x = gaussian(rng, rows, f);
        INDArray scale = gaussian(rng, f);
        INDArray shift = gaussian(rng, f);
        INDArray r = gaussian(rng, rows, f);
        INDArray normalized = Nd4j.zeros(DataType.DOUBLE, rows, f);
        INDArray out = Nd4j.zeros(DataType.DOUBLE, rows, f);
        double[] invStd = new double[rows];
        DoubleSupplier loss = () -> {
            LayerNorm.forward(x, scale, shift, normalized, invStd, out);
            return dot(out, r);
        };
        loss.getAsDouble();
        INDArray gradScale = Nd4j.zeros(DataType.DOUBLE, f);
        INDArray gradShift = Nd4j.zeros(DataType.DOUBLE, f);
        INDArray gradIn = r.dup();
        // In place, as the CNN uses it: gradIn starts as dL/dout.
        LayerNorm.backward(normalized, invStd, scale, gradIn, gradScale, gradShift, gradIn);
        assertMatches("dx", x, gradIn, loss, 1e-7);
        assertMatches("dscale", scale, gradScale, loss, 1e-7);
        assertMatches("dshift", shift, gradShift, loss, 1e-7);
    }

    @Test
    void forwardIntoSeparateBuffersMatchesHandComputation() {
        // Row [1, 2, 3, 6]: mean 3, variance (4 + 1 + 0 + 9) / 4 = 3.5.
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 2, 3, 6}});
        INDArray gamma = Nd4j.createFromArray(2.0, 2.0, 2.0, 2.0);
        INDArray beta = Nd4j.createFromArray(1.0, 1.0, 1.0, 1.0);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 1, 4);
        INDArray xhat = Nd4j.zeros(DataType.DOUBLE, 1, 4);
        double[] rstd = new double[1];
        LayerNorm.forward(x, gamma, beta, xhat, rstd, y);
        double s = 1 / Math.sqrt(3.5 + LayerNorm.EPSILON);
        assertEquals(s, rstd[0], 1e-15);
        double[] expected = {1 - 4 * s, 1 - 2 * s, 1, 1 + 6 * s};
        for (int c = 0; c < 4; c++) {
            assertEquals(expected[c], y.getDouble(0, c), 1e-14);
        }
        assertEquals(Nd4j.createFromArray(new double[][] {{1, 2, 3, 6}}), x, "the input is kept");
    }

    @Test
    void backwardIntoSeparateBuffersMatchesFiniteDifferences() {
        Rng rng = Rng.of(9);
        INDArray x = gaussian(rng, 4, 6);
        INDArray gamma = gaussian(rng, 6);
        INDArray beta = gaussian(rng, 6);
        INDArray g = gaussian(rng, 4, 6);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 4, 6);
        INDArray xhat = Nd4j.zeros(DataType.DOUBLE, 4, 6);
        double[] rstd = new double[4];
        INDArray dgamma = gaussian(rng, 6); // overwritten
        INDArray dbeta = gaussian(rng, 6);
        INDArray dx = Nd4j.zeros(DataType.DOUBLE, 4, 6);
        DoubleSupplier loss = () -> {
            LayerNorm.forward(x, gamma, beta, xhat, rstd, y);
            return dot(y, g);
        };
        loss.getAsDouble();
        INDArray gKept = g.dup();
        LayerNorm.backward(xhat, rstd, gamma, g, dgamma, dbeta, dx);
        assertEquals(gKept, g, "dL/dy is kept");
        assertMatches("dx", x, dx, loss, 1e-7);
        assertMatches("dgamma", gamma, dgamma, loss, 1e-7);
        assertMatches("dbeta", beta, dbeta, loss, 1e-7);
    }
}
