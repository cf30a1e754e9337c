package org.optbench.workloads.autoencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.optbench.workloads.testing.GradientCheck.assertDirectionalDerivative;
import static org.optbench.workloads.testing.GradientCheck.assertMatches;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Batch;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.workloads.testing.GradientCheck;

/** The autoencoder's backward pass against central finite differences of its loss, in float64. */
class AutoencoderNetworkGradientTest {

    static Batch randomBatch(Rng rng, int batch, int width) {
        INDArray x = Nd4j.zeros(DataType.DOUBLE, batch, width);
        for (int b = 0; b < batch; b++) {
            for (int p = 0; p < width; p++) {
                x.putScalar(b, p, rng.nextDouble());
            }
        }
        return Batch.of(x, x);
    }

    @ParameterizedTest
    @EnumSource(HiddenUnits.class)
    void everyParameterOfASmallAutoencoderMatchesFiniteDifferences(HiddenUnits units) {
        AutoencoderArchitecture arch = new AutoencoderArchitecture(List.of(6, 5, 3, 2, 3, 5, 6), units);
        Rng rng = Rng.of(units.ordinal() + 40);
        Params params = arch.initialParams(rng, DataType.DOUBLE);
        for (int i = 0; i < arch.layers(); i++) {
            params.value(2 * i + 1).addi(GradientCheck.gaussian(rng, arch.fanOut(i)).muli(0.2));
        }
        Batch batch = randomBatch(rng, 3, 6);
        AutoencoderNetwork network = new AutoencoderNetwork(arch, 3, DataType.DOUBLE);
        Params analytic = network.lossAndGradients(params, batch).gradients().copy();
        for (int i = 0; i < params.size(); i++) {
            assertMatches(params.get(i).name(), params.value(i), analytic.value(i),
                    () -> network.lossAndGradients(params, batch).loss(), 1e-7);
        }
    }

    @Test
    void theCodeLayerIsLinear() {
        AutoencoderArchitecture arch = new AutoencoderArchitecture(List.of(6, 5, 3, 2, 3, 5, 6), HiddenUnits.TANH);
        assertEquals(2, arch.codeLayer());
        assertTrue(arch.squashes(0));
        assertTrue(arch.squashes(1));
        assertFalse(arch.squashes(2));
        assertTrue(arch.squashes(4));
        assertFalse(arch.squashes(5));
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void registeredArchitecturesMatchFiniteDifferencesAlongRandomDirections(Variant variant) {
        Rng rng = Rng.of(9);
        Params params = variant.arch.initialParams(rng, DataType.DOUBLE);
        Batch batch = randomBatch(rng, 2, 784);
        AutoencoderNetwork network = new AutoencoderNetwork(variant.arch, 2, DataType.DOUBLE);
        Params analytic = network.lossAndGradients(params, batch).gradients().copy();
        for (int d = 0; d < 2; d++) {
            assertDirectionalDerivative(params, analytic, () -> network.lossAndGradients(params, batch).loss(),
                    rng.split(d), 1e-5);
        }
    }

    @Test
    void floatGradientsAgreeWithDouble() {
        Rng rng = Rng.of(31);
        AutoencoderArchitecture arch = MnistAutoencoder.BASE;
        Params params = arch.initialParams(rng, DataType.DOUBLE);
        Batch batch = randomBatch(rng, 4, 784);
        Params g64 = new AutoencoderNetwork(arch, 4, DataType.DOUBLE).lossAndGradients(params, batch).gradients()
                .copy();
        Params params32 = arch.zeros(DataType.FLOAT);
        for (int i = 0; i < params.size(); i++) {
            params32.value(i).assign(params.value(i).castTo(DataType.FLOAT));
        }
        INDArray x32 = batch.inputs().castTo(DataType.FLOAT);
        Params g32 = new AutoencoderNetwork(arch, 4, DataType.FLOAT).lossAndGradients(params32, Batch.of(x32, x32))
                .gradients();
        for (int i = 0; i < params.size(); i++) {
            INDArray a = g64.value(i);
            double diff = a.distance2(g32.value(i).castTo(DataType.DOUBLE));
            double scale = a.norm2Number().doubleValue();
            assertTrue(diff <= 1e-4 * scale + 1e-8, params.get(i).name() + ": float and double gradients differ by "
                    + diff + " at norm " + scale);
        }
    }

    enum Variant {
        BASE(MnistAutoencoder.BASE), SIGMOID(MnistAutoencoder.SIGMOID), NARROW(MnistAutoencoder.NARROW);

        final AutoencoderArchitecture arch;

        Variant(AutoencoderArchitecture arch) {
            this.arch = arch;
        }
    }
}
