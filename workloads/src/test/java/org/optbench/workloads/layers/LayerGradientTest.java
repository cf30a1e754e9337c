package org.optbench.workloads.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Rng;

/** Each layer's backward pass against central finite differences in float64, and closed-form values. */
class LayerGradientTest {
    private final Rng rng = Rng.of(42);

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
    void denseForwardMatchesHandComputation() {
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}});
        INDArray w = Nd4j.createFromArray(new double[][] {{1, 0, -1}, {2, 1, 0}});
        INDArray b = Nd4j.createFromArray(0.5, -0.5, 1.0);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 2, 3);
        Dense.forward(x, w, b, y);
        // [1 2] W = [5 2 -1], [3 4] W = [11 4 -3]; plus b.
        assertEquals(Nd4j.createFromArray(new double[][] {{5.5, 1.5, 0}, {11.5, 3.5, -2}}), y);
    }

    @Test
    void denseBackwardMatchesFiniteDifferences() {
        INDArray x = gaussian(4, 5);
        INDArray w = gaussian(5, 3);
        INDArray b = gaussian(3);
        INDArray g = gaussian(4, 3);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 4, 3);
        INDArray dw = Nd4j.zeros(DataType.DOUBLE, 5, 3);
        INDArray db = Nd4j.zeros(DataType.DOUBLE, 3);
        INDArray dx = Nd4j.zeros(DataType.DOUBLE, 4, 5);
        Dense.forward(x, w, b, y);
        Dense.backward(x, w, g, dw, db, dx);
        java.util.function.DoubleSupplier f = () -> {
            Dense.forward(x, w, b, y);
            return dot(g, y);
        };
        FiniteDifferences.check("dW", w, dw.dup(), f);
        FiniteDifferences.check("db", b, db.dup(), f);
        FiniteDifferences.check("dx", x, dx.dup(), f);
    }

    @Test
    void denseWorksOnViewsWithOffsets() {
        // Parameters are views into one flat buffer: the kernel starts at offset 3 here.
        INDArray flat = gaussian(3 + 6 + 2);
        INDArray b = flat.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2));
        INDArray w = flat.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(3, 9)).reshape('c', 3, 2);
        INDArray x = gaussian(4, 3);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 4, 2);
        Dense.forward(x, w, b, y);
        INDArray expected = x.mmul(w.dup()).addRowVector(b.dup());
        assertEquals(0, expected.sub(y).norm2Number().doubleValue(), 1e-12);
    }

    @Test
    void activationsBackwardMatchFiniteDifferences() {
        for (Activation activation : Activation.values()) {
            INDArray z = gaussian(3, 4);
            // Keep ReLU inputs away from its kink, where the derivative is not defined.
            INDArray zf = z.reshape(z.length());
            for (long i = 0; i < z.length(); i++) {
                double v = zf.getDouble(i);
                zf.putScalar(i, v + Math.signum(v) * 0.1);
            }
            INDArray g = gaussian(3, 4);
            INDArray out = z.dup();
            activation.forwardInPlace(out);
            INDArray grad = g.dup();
            activation.backwardInPlace(out, grad);
            FiniteDifferences.check(activation + " dz", z, grad, () -> {
                INDArray o = z.dup();
                activation.forwardInPlace(o);
                return dot(g, o);
            });
        }
    }

    @Test
    void activationForwardValues() {
        INDArray z = Nd4j.createFromArray(-2.0, 0.0, 1.5);
        INDArray relu = z.dup();
        Activation.RELU.forwardInPlace(relu);
        assertEquals(Nd4j.createFromArray(0.0, 0.0, 1.5), relu);
        INDArray tanh = z.dup();
        Activation.TANH.forwardInPlace(tanh);
        assertEquals(Math.tanh(-2.0), tanh.getDouble(0), 1e-15);
        assertEquals(Math.tanh(1.5), tanh.getDouble(2), 1e-15);
    }

    @Test
    void softmaxCrossEntropyClosedForm() {
        // Equal logits: softmax = 1/K, loss = log K, gradient (1/K - t) / B.
        INDArray logits = Nd4j.zeros(DataType.DOUBLE, 2, 4);
        INDArray targets = Nd4j.createFromArray(new double[][] {{0, 1, 0, 0}, {0, 0, 0, 1}});
        INDArray grad = Nd4j.zeros(DataType.DOUBLE, 2, 4);
        double loss = SoftmaxCrossEntropy.lossAndGradient(logits, targets, grad);
        assertEquals(Math.log(4), loss, 1e-15);
        assertEquals((0.25 - 1) / 2, grad.getDouble(0, 1), 1e-15);
        assertEquals(0.25 / 2, grad.getDouble(0, 0), 1e-15);
        // Large logits stay finite: loss of [1000, 0] against class 1 is 1000 + log(1 + e^-1000) = 1000.
        INDArray big = Nd4j.createFromArray(new double[][] {{1000, 0}});
        INDArray t = Nd4j.createFromArray(new double[][] {{0, 1}});
        assertEquals(1000.0, SoftmaxCrossEntropy.lossAndGradient(big, t, Nd4j.zeros(DataType.DOUBLE, 1, 2)), 1e-9);
    }

    @Test
    void softmaxCrossEntropyGradientMatchesFiniteDifferences() {
        INDArray logits = gaussian(5, 4);
        INDArray targets = Nd4j.zeros(DataType.DOUBLE, 5, 4);
        for (int r = 0; r < 5; r++) {
            targets.putScalar(r, rng.nextInt(4), 1.0);
        }
        INDArray grad = Nd4j.zeros(DataType.DOUBLE, 5, 4);
        SoftmaxCrossEntropy.lossAndGradient(logits, targets, grad);
        INDArray scratch = Nd4j.zeros(DataType.DOUBLE, 5, 4);
        FiniteDifferences.check("dlogits", logits, grad.dup(),
                () -> SoftmaxCrossEntropy.lossAndGradient(logits, targets, scratch));
    }

    @Test
    void softmaxCrossEntropyCountsCorrectRows() {
        INDArray logits = Nd4j.createFromArray(new double[][] {{3, 1, 0}, {0, 2, 1}, {1, 0, 5}});
        INDArray targets = Nd4j.createFromArray(new double[][] {{1, 0, 0}, {0, 0, 1}, {0, 0, 1}});
        long[] correct = new long[1];
        SoftmaxCrossEntropy.summedLossAndCorrect(logits, targets, correct);
        assertEquals(2, correct[0]);
    }

    @Test
    void meanSquaredErrorClosedFormAndGradient() {
        INDArray p = Nd4j.createFromArray(new double[][] {{1}, {2}, {4}});
        INDArray y = Nd4j.createFromArray(new double[][] {{0}, {2}, {1}});
        INDArray g = Nd4j.zeros(DataType.DOUBLE, 3, 1);
        // (1 + 0 + 9) / 3; gradient 2 (p - y) / 3.
        assertEquals(10.0 / 3, MeanSquaredError.lossAndGradient(p, y, g), 1e-15);
        assertEquals(Nd4j.createFromArray(new double[][] {{2.0 / 3}, {0}, {2.0}}), g);
        INDArray q = gaussian(6, 2);
        INDArray t = gaussian(6, 2);
        INDArray grad = Nd4j.zeros(DataType.DOUBLE, 6, 2);
        MeanSquaredError.lossAndGradient(q, t, grad);
        INDArray scratch = Nd4j.zeros(DataType.DOUBLE, 6, 2);
        FiniteDifferences.check("dp", q, grad.dup(), () -> MeanSquaredError.lossAndGradient(q, t, scratch));
    }

    @Test
    void floatAndDoubleAgree() {
        INDArray x = gaussian(8, 6);
        INDArray w = gaussian(6, 4);
        INDArray b = gaussian(4);
        INDArray yd = Nd4j.zeros(DataType.DOUBLE, 8, 4);
        Dense.forward(x, w, b, yd);
        Activation.TANH.forwardInPlace(yd);
        INDArray yf = Nd4j.zeros(DataType.FLOAT, 8, 4);
        Dense.forward(x.castTo(DataType.FLOAT), w.castTo(DataType.FLOAT), b.castTo(DataType.FLOAT), yf);
        Activation.TANH.forwardInPlace(yf);
        assertEquals(0, yd.sub(yf.castTo(DataType.DOUBLE)).amaxNumber().doubleValue(), 1e-5);
    }
}
