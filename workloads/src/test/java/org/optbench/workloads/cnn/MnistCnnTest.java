package org.optbench.workloads.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
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

/** {@code mnist_cnn}: registration, determinism, evaluation at a point with a closed form, and real learning. */
class MnistCnnTest {

    @Test
    void registeredWithItsVariants() {
        for (String name : new String[] {"mnist_cnn", "mnist_cnn_tanh", "mnist_cnn_layernorm"}) {
            assertTrue(Workloads.names().contains(name), name);
            Workload w = Workloads.create(name);
            assertEquals(name, w.spec().name());
            assertEquals("accuracy", w.spec().metric());
            assertEquals(MetricDirection.HIGHER, w.spec().direction());
            assertEquals(LossType.SOFTMAX_CROSS_ENTROPY, w.info().lossType());
            assertEquals(8000, w.info().trainExamples());
            assertEquals(name.equals("mnist_cnn") ? null : "mnist_cnn", w.spec().base());
        }
        // 16*1*25+16 + 32*16*25+32 + 512*128+128 + 128*10+10
        assertEquals(80_202, Workloads.create("mnist_cnn").info().numParameters());
        // Biases replaced by norm scale and shift: + 16 + 32 + 128.
        assertEquals(80_202 + 16 + 32 + 128, Workloads.create("mnist_cnn_layernorm").info().numParameters());
    }

    @Test
    void sameSeedSameParametersBatchesAndGradients() {
        Workload w = Workloads.create("mnist_cnn");
        Params a = w.initialParams(Rng.of(1));
        Params b = w.initialParams(Rng.of(1));
        Params c = w.initialParams(Rng.of(2));
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.value(i), b.value(i));
        }
        assertNotEquals(a.value(0), c.value(0));
        BatchStream s1 = w.trainingStream(32, Rng.of(5));
        BatchStream s2 = w.trainingStream(32, Rng.of(5));
        try (Model m1 = w.model(32); Model m2 = w.model(32)) {
            for (int k = 0; k < 3; k++) {
                Batch x = s1.next();
                Batch y = s2.next();
                assertEquals(x.inputs(), y.inputs());
                assertEquals(x.targets(), y.targets());
                assertEquals(32.0, x.targets().sumNumber().doubleValue(), 0.0);
                LossAndGradients g1 = m1.lossAndGradients(a, x);
                LossAndGradients g2 = m2.lossAndGradients(b, y);
                assertEquals(g1.loss(), g2.loss(), 0.0);
                for (int i = 0; i < a.size(); i++) {
                    assertEquals(g1.gradients().value(i), g2.gradients().value(i));
                }
            }
        }
    }

    @Test
    void zeroParametersGiveUniformPredictions() {
        // All-zero parameters: logits 0, loss log 10, and the arg-max tie goes to class 0.
        MnistCnn w = (MnistCnn) Workloads.create("mnist_cnn", WorkloadOptions.defaults()
                .withDataType(DataType.DOUBLE));
        Params zeros = w.architecture().zeros(DataType.DOUBLE);
        Map<String, Double> m = w.evaluate(zeros, Split.VALIDATION);
        MnistData data = MnistData.bundled();
        int[] validation = data.indices(Split.VALIDATION);
        long zeroLabels = java.util.Arrays.stream(validation).filter(i -> data.label(i) == 0).count();
        assertEquals(Math.log(10), m.get("loss"), 1e-12);
        assertEquals((double) zeroLabels / validation.length, m.get("accuracy"), 0.0);
    }

    @Test
    void adamWLearnsTheDigitsInAFewHundredSteps() {
        Workload w = Workloads.create("mnist_cnn");
        Rng rng = Rng.of(0);
        Params params = w.initialParams(rng.split(1));
        double before = w.evaluate(params, Split.VALIDATION).get("accuracy");
        AdamWRun.train(w, params, 64, 2e-3, 150, rng.split(2));
        Map<String, Double> after = w.evaluate(params, Split.VALIDATION);
        assertTrue(before < 0.3, "an untrained network guesses: " + before);
        assertTrue(after.get("accuracy") > 0.93, "validation accuracy after 150 AdamW steps: " + after);
        assertTrue(after.get("loss") < 0.3, "validation loss after 150 AdamW steps: " + after);
    }

    @Test
    void layerNormVariantLearnsToo() {
        Workload w = Workloads.create("mnist_cnn_layernorm");
        Rng rng = Rng.of(0);
        Params params = w.initialParams(rng.split(1));
        AdamWRun.train(w, params, 64, 2e-3, 100, rng.split(2));
        double accuracy = w.evaluate(params, Split.VALIDATION).get("accuracy");
        assertTrue(accuracy > 0.9, "validation accuracy after 100 AdamW steps: " + accuracy);
    }

    @Test
    void evaluationReadsParametersOnly() {
        Workload w = Workloads.create("mnist_cnn");
        Params p = w.initialParams(Rng.of(3));
        Params before = p.copy();
        Map<String, Double> first = w.evaluate(p, Split.TEST);
        Map<String, Double> second = w.evaluate(p, Split.TEST);
        assertEquals(first, second);
        for (int i = 0; i < p.size(); i++) {
            INDArray v = p.value(i);
            assertEquals(before.value(i), v);
        }
    }
}
