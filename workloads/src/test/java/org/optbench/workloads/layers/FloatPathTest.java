package org.optbench.workloads.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Rng;

/**
 * The FLOAT fast paths (heap copies, {@link Scratch}) against the DOUBLE paths that the finite-difference tests
 * check, on the same inputs: they must agree to float rounding. Sizes are not multiples of the chunk length, so the
 * last partial chunk is covered.
 */
class FloatPathTest {
    private final Rng rng = Rng.of(7);

    private INDArray gaussian(long... shape) {
        INDArray a = Nd4j.zeros(DataType.DOUBLE, shape);
        Initializers.normal(a, 1.0, rng);
        return a;
    }

    private static void assertClose(INDArray expectedDouble, INDArray actualFloat) {
        assertArrayEquals(expectedDouble.data().asDouble(), actualFloat.castTo(DataType.DOUBLE).data().asDouble(),
                1e-5);
    }

    @Test
    void activationsInFloatAgreeWithDouble() {
        for (Activation f : Activation.values()) {
            INDArray z = gaussian(7, 333); // 2,331 entries: two full chunks and a partial one
            INDArray g = gaussian(7, 333);
            INDArray zf = z.castTo(DataType.FLOAT);
            INDArray gf = g.castTo(DataType.FLOAT);
            f.forwardInPlace(z);
            f.forwardInPlace(zf);
            assertClose(z, zf);
            f.backwardInPlace(z, g);
            f.backwardInPlace(zf, gf);
            assertClose(g, gf);
        }
    }

    @Test
    void edgeAggregationInFloatAgreesWithDouble() {
        int nodes = 40;
        int edges = 90;
        int dim = 5;
        int[] senders = new int[edges];
        int[] receivers = new int[edges];
        double[] scale = new double[nodes];
        for (int k = 0; k < edges; k++) {
            senders[k] = k < 80 ? rng.nextInt(nodes) : -1; // the last ten are padding
            receivers[k] = k < 80 ? rng.nextInt(nodes) : -1;
        }
        for (int v = 0; v < nodes; v++) {
            scale[v] = 0.5 + v % 3;
        }
        INDArray h = gaussian(nodes, dim);
        INDArray e = gaussian(edges, dim);
        INDArray g = gaussian(nodes, dim);
        INDArray gradH = gaussian(nodes, dim); // backward adds into it
        INDArray gradE = gaussian(edges, dim); // overwritten
        INDArray messages = Nd4j.zeros(DataType.DOUBLE, edges, dim);
        INDArray aggregate = gaussian(nodes, dim); // overwritten
        INDArray hf = h.castTo(DataType.FLOAT);
        INDArray ef = e.castTo(DataType.FLOAT);
        INDArray gf = g.castTo(DataType.FLOAT);
        INDArray gradHf = gradH.castTo(DataType.FLOAT);
        INDArray gradEf = gradE.castTo(DataType.FLOAT);
        INDArray messagesf = Nd4j.zeros(DataType.FLOAT, edges, dim);
        INDArray aggregatef = aggregate.castTo(DataType.FLOAT);
        EdgeAggregation.forward(h, e, senders, receivers, scale, messages, aggregate);
        EdgeAggregation.forward(hf, ef, senders, receivers, scale, messagesf, aggregatef);
        assertClose(messages, messagesf);
        assertClose(aggregate, aggregatef);
        EdgeAggregation.backward(g, messages, senders, receivers, scale, gradH, gradE);
        EdgeAggregation.backward(gf, messagesf, senders, receivers, scale, gradHf, gradEf);
        assertClose(gradH, gradHf);
        assertClose(gradE, gradEf);
    }

    @Test
    void fastTanhIsWithinAFewFloatUlpsOfMathTanh() {
        double worst = 0;
        for (int i = -200_000; i <= 200_000; i++) {
            float x = i * 1e-4f; // [-20, 20]
            worst = Math.max(worst, Math.abs(FastTanh.tanh(x) - Math.tanh(x)));
        }
        // Just below 1 a float ulp is 6e-8: a few ulps (measured 3.2e-7 at most), far below a wrong coefficient.
        org.junit.jupiter.api.Assertions.assertTrue(worst < 5e-7, "max |FastTanh - tanh| = " + worst);
        org.junit.jupiter.api.Assertions.assertEquals(0f, FastTanh.tanh(0f));
        org.junit.jupiter.api.Assertions.assertEquals(1f, FastTanh.tanh(50f), 1e-7);
    }

    @Test
    void geluInFloatAgreesWithDouble() {
        INDArray z = gaussian(5, 431);
        z.muli(3);
        INDArray g = gaussian(5, 431);
        INDArray zf = z.castTo(DataType.FLOAT);
        INDArray gf = g.castTo(DataType.FLOAT);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 5, 431);
        INDArray yf = Nd4j.zeros(DataType.FLOAT, 5, 431);
        Gelu.forward(z, y);
        Gelu.forward(zf, yf);
        assertClose(y, yf);
        Gelu.backwardInPlace(z, g);
        Gelu.backwardInPlace(zf, gf);
        assertClose(g, gf);
    }
}
