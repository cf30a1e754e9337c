package org.optbench.workloads.cnn;

import static org.optbench.workloads.testing.GradientCheck.assertDirectionalDerivative;
import static org.optbench.workloads.testing.GradientCheck.assertMatches;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Batch;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.workloads.layers.Activation;
import org.optbench.workloads.testing.GradientCheck;

/**
 * The whole CNN's hand-written backward pass against central finite differences of its loss, in float64: every
 * parameter entry of a small network of the same structure, and random directions through the registered
 * architectures.
 */
class CnnNetworkGradientTest {

    /** Random images and one-hot targets for {@code batch} examples of {@code side x side}. */
    static Batch randomBatch(Rng rng, int batch, int side, int classes) {
        INDArray x = Nd4j.zeros(DataType.DOUBLE, batch, side * side);
        INDArray t = Nd4j.zeros(DataType.DOUBLE, batch, classes);
        for (int b = 0; b < batch; b++) {
            for (int p = 0; p < side * side; p++) {
                x.putScalar(b, p, rng.nextDouble());
            }
            t.putScalar(b, rng.nextInt(classes), 1.0);
        }
        return Batch.of(x, t);
    }

    @ParameterizedTest
    @ValueSource(strings = {"relu", "tanh", "relu+layernorm", "tanh+layernorm"})
    void everyParameterOfASmallCnnMatchesFiniteDifferences(String variant) {
        // 12x12 -> conv3 -> 10x10x3 -> pool -> 5x5x3 -> conv3 -> 3x3x4 -> pool -> 1x1x4 -> dense 5 -> 4 classes.
        CnnArchitecture arch = new CnnArchitecture(12, List.of(3, 4), 3, 5, 4,
                variant.startsWith("tanh") ? Activation.TANH : Activation.RELU, variant.endsWith("layernorm"));
        Rng rng = Rng.of(variant.hashCode());
        Params params = arch.initialParams(rng, DataType.DOUBLE);
        if (arch.layerNorm()) {
            // Scales and shifts away from 1 and 0, so their gradients are exercised in general position.
            for (Params.Param p : params) {
                if (p.name().contains("norm")) {
                    p.value().addi(GradientCheck.gaussian(rng, p.shape()).muli(0.3));
                }
            }
        } else {
            for (Params.Param p : params) {
                if (p.name().endsWith("/bias")) {
                    p.value().addi(GradientCheck.gaussian(rng, p.shape()).muli(0.1));
                }
            }
        }
        Batch batch = randomBatch(rng, 3, 12, 4);
        CnnNetwork network = new CnnNetwork(arch, 3, DataType.DOUBLE);
        Params analytic = network.lossAndGradients(params, batch).gradients().copy();
        for (int i = 0; i < params.size(); i++) {
            assertMatches(params.get(i).name(), params.value(i), analytic.value(i),
                    () -> network.lossAndGradients(params, batch).loss(), 1e-6);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class)
    void registeredArchitecturesMatchFiniteDifferencesAlongRandomDirections(Variant variant) {
        CnnArchitecture arch = variant.arch;
        Rng rng = Rng.of(17);
        Params params = arch.initialParams(rng, DataType.DOUBLE);
        Batch batch = randomBatch(rng, 2, 28, 10);
        CnnNetwork network = new CnnNetwork(arch, 2, DataType.DOUBLE);
        Params analytic = network.lossAndGradients(params, batch).gradients().copy();
        for (int d = 0; d < 2; d++) {
            assertDirectionalDerivative(params, analytic, () -> network.lossAndGradients(params, batch).loss(),
                    rng.split(d), 1e-5);
        }
    }

    @Test
    void floatGradientsAgreeWithDouble() {
        Rng rng = Rng.of(29);
        Params params = MnistCnn.BASE.initialParams(rng, DataType.DOUBLE);
        Batch batch = randomBatch(rng, 4, 28, 10);
        Params g64 = new CnnNetwork(MnistCnn.BASE, 4, DataType.DOUBLE).lossAndGradients(params, batch)
                .gradients().copy();
        Params params32 = MnistCnn.BASE.zeros(DataType.FLOAT);
        for (int i = 0; i < params.size(); i++) {
            params32.value(i).assign(params.value(i).castTo(DataType.FLOAT));
        }
        Batch batch32 = Batch.of(batch.inputs().castTo(DataType.FLOAT), batch.targets().castTo(DataType.FLOAT));
        Params g32 = new CnnNetwork(MnistCnn.BASE, 4, DataType.FLOAT).lossAndGradients(params32, batch32)
                .gradients();
        for (int i = 0; i < params.size(); i++) {
            INDArray a = g64.value(i);
            INDArray b = g32.value(i).castTo(DataType.DOUBLE);
            double scale = a.norm2Number().doubleValue();
            org.junit.jupiter.api.Assertions.assertTrue(a.distance2(b) <= 1e-4 * scale + 1e-7,
                    params.get(i).name() + ": float and double gradients differ by " + a.distance2(b)
                            + " at norm " + scale);
        }
    }

    enum Variant {
        BASE(MnistCnn.BASE), TANH(MnistCnn.TANH), LAYERNORM(MnistCnn.LAYERNORM);

        final CnnArchitecture arch;

        Variant(CnnArchitecture arch) {
            this.arch = arch;
        }
    }
}
