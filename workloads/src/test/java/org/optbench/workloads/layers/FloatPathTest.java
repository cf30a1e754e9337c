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

    @Test
    void layerNormInFloatAgreesWithDouble() {
        INDArray x = gaussian(9, 64);
        INDArray scale = gaussian(64);
        INDArray shift = gaussian(64);
        INDArray g = gaussian(9, 64);
        INDArray xf = x.castTo(DataType.FLOAT);
        INDArray scalef = scale.castTo(DataType.FLOAT);
        INDArray shiftf = shift.castTo(DataType.FLOAT);
        INDArray gf = g.castTo(DataType.FLOAT);
        INDArray xhat = Nd4j.zeros(DataType.DOUBLE, 9, 64);
        INDArray xhatf = Nd4j.zeros(DataType.FLOAT, 9, 64);
        double[] rstd = new double[9];
        double[] rstdf = new double[9];
        LayerNorm.forward(x, scale, shift, xhat, rstd, x); // in place, as the CNN
        LayerNorm.forward(xf, scalef, shiftf, xhatf, rstdf, xf);
        assertClose(x, xf);
        assertClose(xhat, xhatf);
        assertArrayEquals(rstd, rstdf, 1e-6);
        INDArray dscale = Nd4j.zeros(DataType.DOUBLE, 64);
        INDArray dshift = Nd4j.zeros(DataType.DOUBLE, 64);
        INDArray dx = Nd4j.zeros(DataType.DOUBLE, 9, 64);
        INDArray dscalef = Nd4j.zeros(DataType.FLOAT, 64);
        INDArray dshiftf = Nd4j.zeros(DataType.FLOAT, 64);
        INDArray dxf = Nd4j.zeros(DataType.FLOAT, 9, 64);
        LayerNorm.backward(xhat, rstd, scale, g, dscale, dshift, dx); // separate buffers, as the transformer
        LayerNorm.backward(xhatf, rstdf, scalef, gf, dscalef, dshiftf, dxf);
        assertClose(dx, dxf);
        assertClose(dscale, dscalef);
        assertClose(dshift, dshiftf);
    }

    @Test
    void embeddingInFloatAgreesWithDouble() {
        INDArray table = gaussian(50, 16);
        INDArray positions = gaussian(4, 48);
        int[] rows = new int[40];
        int[] steps = new int[40];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = rng.nextInt(50);
            steps[i] = i % 4;
        }
        INDArray out = Nd4j.zeros(DataType.DOUBLE, 40, 48);
        INDArray outf = Nd4j.zeros(DataType.FLOAT, 40, 48);
        INDArray tablef = table.castTo(DataType.FLOAT);
        Embedding.lookup(positions, steps, out, 0);
        Embedding.lookup(positions.castTo(DataType.FLOAT), steps, outf, 0);
        Embedding.lookupAdd(table, rows, out, 16);
        Embedding.lookupAdd(tablef, rows, outf, 16);
        assertClose(out, outf);
        INDArray g = gaussian(40, 48);
        INDArray grad = gaussian(50, 16);
        INDArray gradf = grad.castTo(DataType.FLOAT);
        Embedding.scatterAdd(g, 16, rows, grad);
        Embedding.scatterAdd(g.castTo(DataType.FLOAT), 16, rows, gradf);
        assertClose(grad, gradf);
        Embedding.zeroRows(grad, rows);
        Embedding.zeroRows(gradf, rows);
        assertClose(grad, gradf);
    }

    @Test
    void convolutionAndPoolingInFloatAgreeWithDouble() {
        // 2 examples of 8 x 8 x 3, 3x3 kernel, padding 1 (so im2col has padding entries), 4 channels, then 2x2 pooling.
        Conv2d conv = new Conv2d(8, 8, 3, 4, 3, 1);
        MaxPool2d pool = new MaxPool2d(conv.outHeight(), conv.outWidth(), 4, 2);
        int batch = 2;
        INDArray in = gaussian(batch, conv.inputSize());
        INDArray kernel = gaussian(conv.kernelShape());
        INDArray bias = gaussian(4);
        INDArray gradPooled = gaussian(batch, pool.outputSize());
        INDArray[] d = convAndPool(conv, pool, batch, in, kernel, bias, gradPooled);
        INDArray[] f = convAndPool(conv, pool, batch, in.castTo(DataType.FLOAT), kernel.castTo(DataType.FLOAT),
                bias.castTo(DataType.FLOAT), gradPooled);
        for (int i = 0; i < d.length; i++) {
            assertClose(d[i], f[i]);
        }
    }

    /**
     * Forward and backward through conv and pool in the type of {@code in}, from {@code dL/dpooled} (DOUBLE, cast);
     * returns [pooled, gradKernel, gradBias, gradIn].
     */
    private INDArray[] convAndPool(Conv2d conv, MaxPool2d pool, int batch, INDArray in, INDArray kernel,
                                   INDArray bias, INDArray gradPooled) {
        DataType t = in.dataType();
        INDArray g = gradPooled.castTo(t);
        INDArray cols = Nd4j.zeros(t, (long) batch * conv.positions(), conv.patchSize());
        INDArray out = Nd4j.zeros(t, (long) batch * conv.positions(), conv.outChannels());
        INDArray pooled = Nd4j.zeros(t, batch, pool.outputSize());
        int[] winners = new int[batch * pool.outputSize()];
        conv.forward(in, kernel, bias, cols, out);
        pool.forward(out, pooled, winners);
        INDArray gradOut = Nd4j.zeros(t, (long) batch * conv.positions(), conv.outChannels());
        pool.backward(g, winners, gradOut);
        INDArray gradKernel = Nd4j.zeros(t, conv.kernelShape());
        INDArray gradBias = Nd4j.zeros(t, conv.outChannels());
        INDArray gradCols = Nd4j.zeros(t, (long) batch * conv.positions(), conv.patchSize());
        INDArray gradIn = Nd4j.zeros(t, batch, conv.inputSize());
        conv.backward(cols, kernel, gradOut, gradKernel, gradBias, gradCols, gradIn);
        return new INDArray[] {pooled, gradKernel, gradBias, gradIn};
    }
}
