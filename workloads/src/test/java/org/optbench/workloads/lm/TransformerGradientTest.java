package org.optbench.workloads.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.LossAndGradients;
import org.optbench.api.Params;
import org.optbench.api.Rng;

/**
 * The whole transformer's gradient (every parameter entry) against central finite differences of its loss in
 * float64, for each LayerNorm placement and MLP activation.
 */
class TransformerGradientTest {
    private static final double H = 1e-6;

    /**
     * Every parameter entry for the standard block (pre-LN, GELU); every {@code stride}-th entry for the variants,
     * to keep the test short.
     */
    @ParameterizedTest
    @CsvSource({"PRE, GELU, 1", "POST, GELU, 5", "PRE, RELU, 5", "POST, RELU, 5"})
    void gradientMatchesFiniteDifferences(NormPlacement norm, FeedForwardActivation activation, int stride) {
        TransformerLm lm = new TransformerLm(7, 5, 8, 2, 2, 12, norm, activation);
        int batch = 3;
        Rng rng = Rng.of(11);
        Params params = lm.initialParams(rng, DataType.DOUBLE);
        // Larger than the initial 0.02 scale, so that attention and LayerNorm are far from their linear regimes.
        for (Params.Param p : params) {
            INDArray flat = p.value().reshape(p.value().length());
            for (long i = 0; i < flat.length(); i++) {
                flat.putScalar(i, flat.getDouble(i) + 0.3 * rng.nextGaussian());
            }
        }
        INDArray inputs = Nd4j.zeros(DataType.DOUBLE, batch, lm.context());
        INDArray targets = Nd4j.zeros(DataType.DOUBLE, batch, lm.context());
        for (int i = 0; i < batch * lm.context(); i++) {
            inputs.putScalar(i, rng.nextInt(lm.vocabulary()));
            targets.putScalar(i, rng.nextInt(lm.vocabulary()));
        }
        try (TransformerNetwork network = new TransformerNetwork(lm, batch, DataType.DOUBLE)) {
            LossAndGradients lg = network.lossAndGradients(params, inputs, targets);
            int rows = batch * lm.context();
            assertEquals(network.summedLoss(params, inputs, targets) / rows, lg.loss(), 1e-14);
            Params analytic = lg.gradients().copy();
            double worst = 0;
            int checked = 0;
            int offset = 0;
            for (int k = 0; k < params.size(); k++) {
                INDArray x = params.value(k).reshape(params.value(k).length());
                INDArray a = analytic.value(k).reshape(analytic.value(k).length());
                for (long i = (stride - offset % stride) % stride; i < x.length(); i += stride) {
                    checked++;
                    double saved = x.getDouble(i);
                    x.putScalar(i, saved + H);
                    double plus = network.summedLoss(params, inputs, targets) / rows;
                    x.putScalar(i, saved - H);
                    double minus = network.summedLoss(params, inputs, targets) / rows;
                    x.putScalar(i, saved);
                    double numeric = (plus - minus) / (2 * H);
                    double exact = a.getDouble(i);
                    double diff = Math.abs(numeric - exact);
                    double scale = Math.max(Math.abs(numeric), Math.abs(exact));
                    // As in the layer tests: relative error below 1e-6, with an absolute floor of 1e-9 (the
                    // difference quotient's rounding is about 1e-16 * loss / H = 2e-10; the key biases' exact
                    // gradient is 0, since softmax ignores a score shift shared by all keys).
                    if (diff > 1e-9) {
                        double error = diff / scale;
                        assertTrue(error < 1e-6, params.get(k).name() + "[" + i + "]: analytic " + exact
                                + ", finite difference " + numeric + ", relative error " + error);
                    }
                    if (scale > 1e-3) {
                        worst = Math.max(worst, diff / scale);
                    }
                }
                offset += (int) x.length();
            }
            System.out.printf("%s %s: %d of %d entries checked, worst relative error %.2e where |gradient| > 1e-3%n", norm, activation,
                    checked, params.numElements(), worst);
        }
    }

    /** The FLOAT network (the one trained) gives the float64 gradient up to float rounding. */
    @Test
    void floatGradientAgreesWithDouble() {
        TransformerLm lm = SotuLm.TRANSFORMER;
        int batch = 2;
        Rng rng = Rng.of(5);
        Params d = lm.initialParams(rng, DataType.DOUBLE);
        Params f = lm.zeros(DataType.FLOAT);
        for (int k = 0; k < d.size(); k++) {
            f.value(k).assign(d.value(k));
        }
        INDArray inputs = Nd4j.zeros(DataType.DOUBLE, batch, lm.context());
        INDArray targets = Nd4j.zeros(DataType.DOUBLE, batch, lm.context());
        for (int i = 0; i < batch * lm.context(); i++) {
            inputs.putScalar(i, rng.nextInt(lm.vocabulary()));
            targets.putScalar(i, rng.nextInt(lm.vocabulary()));
        }
        try (TransformerNetwork nd = new TransformerNetwork(lm, batch, DataType.DOUBLE);
             TransformerNetwork nf = new TransformerNetwork(lm, batch, DataType.FLOAT)) {
            LossAndGradients gd = nd.lossAndGradients(d, inputs, targets);
            LossAndGradients gf = nf.lossAndGradients(f, inputs.castTo(DataType.FLOAT),
                    targets.castTo(DataType.FLOAT));
            assertEquals(gd.loss(), gf.loss(), 1e-5);
            for (int k = 0; k < d.size(); k++) {
                INDArray a = gd.gradients().value(k);
                INDArray b = gf.gradients().value(k).castTo(DataType.DOUBLE);
                double scale = a.amaxNumber().doubleValue();
                double diff = a.sub(b).amaxNumber().doubleValue();
                assertTrue(diff <= 1e-3 * scale + 1e-7, d.get(k).name() + ": float differs by " + diff
                        + ", largest entry " + scale);
            }
        }
    }
}
