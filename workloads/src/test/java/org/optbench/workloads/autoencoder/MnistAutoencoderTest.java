package org.optbench.workloads.autoencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.optbench.api.Batch;
import org.optbench.api.BatchStream;
import org.optbench.api.LossAndGradients;
import org.optbench.api.LossType;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.api.MetricDirection;
import org.optbench.workloads.Model;
import org.optbench.workloads.Split;
import org.optbench.workloads.Workload;
import org.optbench.workloads.WorkloadOptions;
import org.optbench.workloads.Workloads;
import org.optbench.workloads.mnist.MnistData;
import org.optbench.workloads.testing.AdamWRun;

/** {@code mnist_autoencoder}: registration, batches, determinism, closed-form evaluation and real learning. */
class MnistAutoencoderTest {

    @Test
    void registeredWithItsVariants() {
        for (String name : new String[] {"mnist_autoencoder", "mnist_autoencoder_sigmoid",
            "mnist_autoencoder_narrow"}) {
            Workload w = Workloads.create(name);
            assertEquals(name, w.spec().name());
            assertEquals(MnistAutoencoder.METRIC, w.spec().metric());
            assertEquals(MetricDirection.LOWER, w.spec().direction());
            assertEquals(LossType.SIGMOID_CROSS_ENTROPY, w.info().lossType());
            assertEquals(name.equals("mnist_autoencoder") ? null : "mnist_autoencoder", w.spec().base());
        }
        // 401,920 + 131,328 + 16,448 + 16,640 + 131,584 + 402,192 (kernels and biases of the six layers)
        assertEquals(1_100_112, Workloads.create("mnist_autoencoder").info().numParameters());
    }

    @Test
    void batchesAreTheirOwnTargetsAndRepeatFromTheSeed() {
        Workload w = Workloads.create("mnist_autoencoder");
        BatchStream s1 = w.trainingStream(16, Rng.of(4));
        BatchStream s2 = w.trainingStream(16, Rng.of(4));
        Params p = w.initialParams(Rng.of(7));
        Params q = w.initialParams(Rng.of(7));
        try (Model m1 = w.model(16); Model m2 = w.model(16)) {
            for (int k = 0; k < 2; k++) {
                Batch a = s1.next();
                Batch b = s2.next();
                assertSame(a.inputs(), a.targets());
                assertEquals(a.inputs(), b.inputs());
                double max = a.inputs().maxNumber().doubleValue();
                assertTrue(max <= 1.0 && max > 0.9 && a.inputs().minNumber().doubleValue() >= 0.0);
                LossAndGradients g1 = m1.lossAndGradients(p, a);
                LossAndGradients g2 = m2.lossAndGradients(q, b);
                assertEquals(g1.loss(), g2.loss(), 0.0);
                for (int i = 0; i < p.size(); i++) {
                    assertEquals(g1.gradients().value(i), g2.gradients().value(i));
                }
            }
        }
    }

    @Test
    void zeroParametersReconstructOneHalfEverywhere() {
        // Logits 0: sigmoid cross-entropy log 2 for any target, reconstruction 0.5, so the metric is the mean of
        // (0.5 - pixel / 255)^2 over the split, computed here from the raw bytes.
        MnistAutoencoder w = (MnistAutoencoder) Workloads.create("mnist_autoencoder", WorkloadOptions.defaults()
                .withDataType(DataType.DOUBLE));
        Map<String, Double> m = w.evaluate(w.architecture().zeros(DataType.DOUBLE), Split.VALIDATION);
        MnistData data = MnistData.bundled();
        double sum = 0;
        int[] validation = data.indices(Split.VALIDATION);
        for (int i : validation) {
            for (int px = 0; px < MnistData.PIXELS; px++) {
                double d = 0.5 - (data.pixels()[i * MnistData.PIXELS + px] & 0xff) / 255.0;
                sum += d * d;
            }
        }
        // 784,000 terms of log 2 summed in double: rounding of order 1e-11.
        assertEquals(Math.log(2), m.get("loss"), 1e-9);
        assertEquals(sum / ((double) validation.length * MnistData.PIXELS), m.get(MnistAutoencoder.METRIC), 1e-12);
    }

    @Test
    void adamWReducesTheReconstructionErrorByAClearFactor() {
        Workload w = Workloads.create("mnist_autoencoder");
        Rng rng = Rng.of(0);
        Params params = w.initialParams(rng.split(1));
        double before = w.evaluate(params, Split.VALIDATION).get(MnistAutoencoder.METRIC);
        AdamWRun.train(w, params, 128, 1e-3, 150, rng.split(2));
        Map<String, Double> after = w.evaluate(params, Split.VALIDATION);
        assertTrue(after.get(MnistAutoencoder.METRIC) < before / 2.5 && after.get(MnistAutoencoder.METRIC) < 0.06,
                "reconstruction MSE " + before + " before, " + after + " after 150 AdamW steps");
    }
}
