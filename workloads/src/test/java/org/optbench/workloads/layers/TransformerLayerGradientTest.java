package org.optbench.workloads.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.DoubleSupplier;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Rng;

/**
 * The transformer's own layers' backward passes (GELU, causal attention, sparse cross-entropy) against central
 * finite differences in float64, and their forward passes against hand derivations. LayerNorm and the embedding
 * lookups, shared with the CNN and DLRM, are checked in LayerNormTest and NewLayerGradientTest, in the transformer's
 * use too.
 */
class TransformerLayerGradientTest {
    private final Rng rng = Rng.of(7);

    private INDArray gaussian(long... shape) {
        INDArray a = Nd4j.zeros(DataType.DOUBLE, shape);
        INDArray flat = a.reshape(a.length());
        for (long i = 0; i < a.length(); i++) {
            flat.putScalar(i, rng.nextGaussian());
        }
        return a;
    }

    /** sum(G * y): a scalar whose gradient with respect to y is G. */
    private static double dot(INDArray g, INDArray y) {
        double s = 0;
        INDArray gf = g.reshape(g.length());
        INDArray yf = y.reshape(y.length());
        for (long i = 0; i < g.length(); i++) {
            s += gf.getDouble(i) * yf.getDouble(i);
        }
        return s;
    }

    @Test
    void geluMatchesClosedFormAndFiniteDifferences() {
        INDArray z = Nd4j.createFromArray(new double[][] {{0, 1, -1}});
        INDArray out = Nd4j.zeros(DataType.DOUBLE, 1, 3);
        Gelu.forward(z, out);
        double c = Math.sqrt(2 / Math.PI) * 1.044715;
        assertEquals(0.0, out.getDouble(0, 0), 0);
        assertEquals(0.5 * (1 + Math.tanh(c)), out.getDouble(0, 1), 1e-15);
        assertEquals(-0.5 * (1 - Math.tanh(c)), out.getDouble(0, 2), 1e-15);

        INDArray x = gaussian(3, 7).muli(2);
        INDArray g = gaussian(3, 7);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 3, 7);
        INDArray grad = g.dup();
        Gelu.backwardInPlace(x, grad);
        FiniteDifferences.check("gelu", x, grad, () -> {
            Gelu.forward(x, y);
            return dot(g, y);
        });
    }

    @Test
    void sparseCrossEntropyMatchesClosedFormAndFiniteDifferences() {
        // Equal logits over K classes: loss ln K whatever the target.
        INDArray flat = Nd4j.zeros(DataType.DOUBLE, 2, 6);
        assertEquals(Math.log(6), SparseSoftmaxCrossEntropy.lossAndGradient(flat, new int[] {0, 5},
                Nd4j.zeros(DataType.DOUBLE, 2, 6)), 1e-15);
        INDArray z = gaussian(3, 5);
        int[] t = {4, 0, 2};
        INDArray grad = Nd4j.zeros(DataType.DOUBLE, 3, 5);
        double loss = SparseSoftmaxCrossEntropy.lossAndGradient(z, t, grad);
        double expected = 0;
        for (int r = 0; r < 3; r++) {
            double sum = 0;
            for (int c = 0; c < 5; c++) {
                sum += Math.exp(z.getDouble(r, c));
            }
            expected += (Math.log(sum) - z.getDouble(r, t[r])) / 3;
        }
        assertEquals(expected, loss, 1e-14);
        FiniteDifferences.check("sparse cross-entropy", z, grad.dup(),
                () -> SparseSoftmaxCrossEntropy.summedLoss(z, t) / 3);
    }

    @Test
    void attentionOfTheFirstPositionIsItsValueAndOutputsIgnoreTheFuture() {
        int batch = 2;
        int length = 4;
        int width = 6;
        INDArray qkv = gaussian(batch * length, 3 * width);
        INDArray out = Nd4j.zeros(DataType.DOUBLE, batch * length, width);
        try (CausalSelfAttention attention = new CausalSelfAttention(batch, length, width, 2, 0.5,
                DataType.DOUBLE)) {
            attention.forward(qkv, out);
            // Position 0 attends only to itself: its output is its value vector.
            for (int b = 0; b < batch; b++) {
                for (int c = 0; c < width; c++) {
                    assertEquals(qkv.getDouble(b * length, 2 * width + c), out.getDouble(b * length, c), 1e-14);
                }
            }
            // Position 1, head 0 (columns 0..2): softmax of the two scaled scores, then the mix of the values.
            double s0 = 0;
            double s1 = 0;
            for (int j = 0; j < 3; j++) {
                s0 += qkv.getDouble(1, j) * qkv.getDouble(0, width + j);
                s1 += qkv.getDouble(1, j) * qkv.getDouble(1, width + j);
            }
            double p0 = 1 / (1 + Math.exp(0.5 * (s1 - s0)));
            for (int j = 0; j < 3; j++) {
                double v = p0 * qkv.getDouble(0, 2 * width + j) + (1 - p0) * qkv.getDouble(1, 2 * width + j);
                assertEquals(v, out.getDouble(1, j), 1e-14);
            }
            // Changing the last position of sequence 0 changes no earlier output.
            INDArray before = out.dup();
            for (int c = 0; c < 3 * width; c++) {
                qkv.putScalar(length - 1, c, qkv.getDouble(length - 1, c) + 1.0);
            }
            attention.forward(qkv, out);
            for (int t = 0; t < length - 1; t++) {
                for (int c = 0; c < width; c++) {
                    assertEquals(before.getDouble(t, c), out.getDouble(t, c), 0);
                }
            }
        }
    }

    @Test
    void attentionBackwardMatchesFiniteDifferences() {
        int batch = 2;
        int length = 5;
        int width = 6;
        INDArray qkv = gaussian(batch * length, 3 * width);
        INDArray g = gaussian(batch * length, width);
        INDArray out = Nd4j.zeros(DataType.DOUBLE, batch * length, width);
        INDArray dqkv = Nd4j.zeros(DataType.DOUBLE, batch * length, 3 * width);
        try (CausalSelfAttention attention = new CausalSelfAttention(batch, length, width, 3,
                1 / Math.sqrt(2), DataType.DOUBLE)) {
            attention.forward(qkv, out);
            attention.backward(g, dqkv);
            FiniteDifferences.check("attention dqkv", qkv, dqkv.dup(), () -> {
                attention.forward(qkv, out);
                return dot(g, out);
            });
        }
    }
}
