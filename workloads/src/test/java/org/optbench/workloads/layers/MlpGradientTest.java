package org.optbench.workloads.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Batch;
import org.optbench.api.LossAndGradients;
import org.optbench.api.ParameterType;
import org.optbench.api.Params;
import org.optbench.api.Rng;

/** The whole perceptron's gradients against central finite differences in float64. */
class MlpGradientTest {

    private static Batch batch(Rng rng, int rows, int inputs, int classes) {
        INDArray x = Nd4j.zeros(DataType.DOUBLE, rows, inputs);
        INDArray t = Nd4j.zeros(DataType.DOUBLE, rows, classes);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < inputs; c++) {
                x.putScalar(r, c, rng.nextGaussian());
            }
            t.putScalar(r, rng.nextInt(classes), 1.0);
        }
        return Batch.of(x, t);
    }

    @Test
    void everyParameterGradientMatchesFiniteDifferences() {
        for (Activation activation : Activation.values()) {
            Mlp mlp = new Mlp(List.of(6, 5, 4, 3), activation);
            Rng rng = Rng.of(7);
            Params params = mlp.initialParams(rng, DataType.DOUBLE);
            // Non-zero biases so their effect on later layers is exercised too.
            for (int i = 0; i < mlp.layers(); i++) {
                INDArray b = params.get(Mlp.biasName(i));
                for (long j = 0; j < b.length(); j++) {
                    b.putScalar(j, 0.1 * rng.nextGaussian());
                }
            }
            Batch batch = batch(rng, 7, 6, 3);
            MlpNetwork network = new MlpNetwork(mlp, 7, DataType.DOUBLE);
            LossAndGradients lg = network.lossAndGradients(params, batch);
            Params analytic = lg.gradients().copy();
            MlpNetwork probe = new MlpNetwork(mlp, 7, DataType.DOUBLE);
            for (int i = 0; i < params.size(); i++) {
                FiniteDifferences.check(activation + " " + params.get(i).name(), params.value(i),
                        analytic.value(i), () -> probe.lossAndGradients(params, batch).loss());
            }
        }
    }

    @Test
    void gradientsAreTheMinibatchMean() {
        // The gradient of a batch of two copies of one example equals that example's gradient.
        Mlp mlp = new Mlp(List.of(4, 3, 2), Activation.TANH);
        Params params = mlp.initialParams(Rng.of(3), DataType.DOUBLE);
        Batch one = batch(Rng.of(5), 1, 4, 2);
        Batch two = Batch.of(Nd4j.concat(0, one.inputs(), one.inputs()), Nd4j.concat(0, one.targets(), one.targets()));
        LossAndGradients g1 = new MlpNetwork(mlp, 1, DataType.DOUBLE).lossAndGradients(params, one);
        LossAndGradients g2 = new MlpNetwork(mlp, 2, DataType.DOUBLE).lossAndGradients(params, two);
        assertEquals(g1.loss(), g2.loss(), 1e-14);
        for (int i = 0; i < params.size(); i++) {
            assertEquals(0, g1.gradients().value(i).sub(g2.gradients().value(i)).amaxNumber().doubleValue(), 1e-14);
        }
    }

    @Test
    void parametersAreNamedTypedAndShaped() {
        Mlp mlp = new Mlp(List.of(784, 256, 256, 10), Activation.RELU);
        assertEquals(784 * 256 + 256 + 256 * 256 + 256 + 256 * 10 + 10, mlp.numParameters());
        assertEquals(269_322, mlp.numParameters());
        Params p = mlp.initialParams(Rng.of(1), DataType.FLOAT);
        assertEquals(List.of("dense_0/kernel", "dense_0/bias", "dense_1/kernel", "dense_1/bias", "dense_2/kernel",
                "dense_2/bias"), p.names());
        assertEquals(ParameterType.WEIGHT, p.get(0).type());
        assertEquals(ParameterType.BIAS, p.get(1).type());
        assertEquals(List.of(784L, 256L), List.of(p.value(0).shape()[0], p.value(0).shape()[1]));
        // Contiguous views of one flat buffer: same memory, each starting where the previous one ends.
        long offset = 0;
        for (int i = 0; i < p.size(); i++) {
            assertEquals(p.value(0).data().address(), p.value(i).data().address(), "buffer of " + p.get(i).name());
            assertEquals(offset, p.value(i).offset(), "offset of " + p.get(i).name());
            offset += p.value(i).length();
        }
        assertEquals(269_322, offset);
        // He normal: the first kernel's standard deviation is sqrt(2/784) = 0.0505; with 200,704 draws the sample
        // standard deviation is within 1% of it (its relative standard error is 1/sqrt(2n) = 0.16%).
        double std = p.value(0).stdNumber().doubleValue();
        assertEquals(Math.sqrt(2.0 / 784), std, 0.01 * Math.sqrt(2.0 / 784));
        assertEquals(0, p.value(1).sumNumber().doubleValue(), 0);
    }
}
