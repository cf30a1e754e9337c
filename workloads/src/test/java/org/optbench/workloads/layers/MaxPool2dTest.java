package org.optbench.workloads.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.optbench.workloads.testing.GradientCheck.assertMatches;
import static org.optbench.workloads.testing.GradientCheck.dot;
import static org.optbench.workloads.testing.GradientCheck.gaussian;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Rng;

/** Max pooling against the definition and its backward pass against finite differences (float64). */
class MaxPool2dTest {

    @Test
    void forwardTakesWindowMaximaAndDropsTheRaggedEdge() {
        // 5 x 4 input, one channel: the fifth row is dropped by 2x2 windows.
        MaxPool2d pool = new MaxPool2d(5, 4, 1, 2);
        INDArray x = Nd4j.create(new double[] {
            1, 2, 9, 0,
            3, 4, 1, 1,
            -1, -5, 7, 8,
            -2, -3, 6, 5,
            100, 100, 100, 100}, new long[] {1, 5, 4, 1}, DataType.DOUBLE);
        INDArray out = Nd4j.zeros(DataType.DOUBLE, 1, 4);
        int[] winners = new int[4];
        pool.forward(x, out, winners);
        assertEquals(Nd4j.create(new double[] {4, 9, -1, 8}, new long[] {1, 4}, DataType.DOUBLE), out);
        assertEquals(5, winners[0]);
        assertEquals(2, winners[1]);
        assertEquals(8, winners[2]);
        assertEquals(11, winners[3]);
    }

    @Test
    void backwardMatchesFiniteDifferences() {
        int b = 2;
        int h = 6;
        int w = 4;
        int c = 3;
        MaxPool2d pool = new MaxPool2d(h, w, c, 2);
        Rng rng = Rng.of(3);
        INDArray x = gaussian(rng, b, h, w, c);
        INDArray out = Nd4j.zeros(DataType.DOUBLE, b, pool.outputSize());
        int[] winners = new int[b * pool.outputSize()];
        INDArray r = gaussian(rng, b, pool.outputSize());
        pool.forward(x, out, winners);
        INDArray gradIn = Nd4j.zeros(DataType.DOUBLE, b, h, w, c);
        pool.backward(r, winners, gradIn);
        assertMatches("dinput", x, gradIn, () -> {
            pool.forward(x, out, new int[winners.length]);
            return dot(out, r);
        }, 1e-8);
    }
}
