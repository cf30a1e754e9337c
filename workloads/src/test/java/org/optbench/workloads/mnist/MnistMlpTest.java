package org.optbench.workloads.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.optbench.api.Batch;
import org.optbench.api.BatchStream;
import org.optbench.api.LossAndGradients;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.workloads.Model;
import org.optbench.workloads.Split;
import org.optbench.workloads.Workload;
import org.optbench.workloads.WorkloadOptions;
import org.optbench.workloads.Workloads;
import org.optbench.workloads.calibration.PlainAdamW;

/** The mnist_mlp workload: parameters, determinism, evaluation, gradients and a short training run. */
class MnistMlpTest {
    private static Workload floatWorkload;

    @BeforeAll
    static void create() {
        floatWorkload = Workloads.create("mnist_mlp", WorkloadOptions.defaults());
    }

    @Test
    void infoDescribesThe269322Parameters() {
        assertEquals(269_322, floatWorkload.info().numParameters());
        assertEquals(50_000, floatWorkload.info().trainExamples());
        assertEquals("dense_0/kernel", floatWorkload.info().parameters().get(0).name());
        assertEquals(269_322, floatWorkload.initialParams(Rng.of(1)).numElements());
        assertEquals(DataType.FLOAT, floatWorkload.initialParams(Rng.of(1)).dataType());
    }

    @Test
    void sameSeedSameInitAndBatches() {
        Params a = floatWorkload.initialParams(Rng.of(11));
        Params b = floatWorkload.initialParams(Rng.of(11));
        Params c = floatWorkload.initialParams(Rng.of(12));
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.value(i), b.value(i));
        }
        assertNotEquals(a.value(0), c.value(0));

        BatchStream s1 = floatWorkload.trainingStream(128, Rng.of(5));
        BatchStream s2 = floatWorkload.trainingStream(128, Rng.of(5));
        BatchStream s3 = floatWorkload.trainingStream(128, Rng.of(6));
        // 8,000 / 128 = 62 full batches an epoch; 70 batches cross into the second epoch.
        for (int k = 0; k < 70; k++) {
            INDArray x1 = s1.next().inputs().dup();
            Batch b2 = s2.next();
            assertEquals(x1, b2.inputs(), "batch " + k);
            INDArray x3 = s3.next().inputs();
            if (k == 0) {
                assertNotEquals(x1, x3);
            }
        }
    }

    @Test
    void anEpochVisitsEachTrainingDigitAtMostOnceAndIsReshuffled() {
        BatchStream stream = floatWorkload.trainingStream(100, Rng.of(3));
        MnistData data = ((MnistMlp) floatWorkload).data();
        int[] expected = new int[10];
        for (int i : data.train()) {
            expected[data.label(i)]++;
        }
        // 50,000 / 100 = 500 batches are exactly one epoch: the label counts equal the training split's.
        int[] counts = new int[10];
        INDArray firstOfEpoch1 = null;
        for (int k = 0; k < 500; k++) {
            Batch batch = stream.next();
            if (k == 0) {
                firstOfEpoch1 = batch.inputs().dup();
            }
            INDArray t = batch.targets();
            for (int r = 0; r < 100; r++) {
                for (int c = 0; c < 10; c++) {
                    if (t.getFloat(r, c) == 1f) {
                        counts[c]++;
                    }
                }
            }
        }
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(counts));
        assertNotEquals(firstOfEpoch1, stream.next().inputs(), "the second epoch starts in another order");
    }

    @Test
    void evaluationAtZeroParametersIsUniform() {
        // All-zero weights give equal logits: loss ln 10 for every example, and the arg max (the first of the
        // ties) is class 0, so accuracy is the share of zeros in the split.
        Params zero = floatWorkload.initialParams(Rng.of(1));
        for (Params.Param p : zero) {
            p.value().assign(0);
        }
        MnistData data = ((MnistMlp) floatWorkload).data();
        for (Split split : Split.values()) {
            int[] indices = data.indices(split);
            long zeros = java.util.Arrays.stream(indices).filter(i -> data.label(i) == 0).count();
            Map<String, Double> m = floatWorkload.evaluate(zero, split);
            assertEquals(Math.log(10), m.get("loss"), 1e-6);
            assertEquals((double) zeros / indices.length, m.get("accuracy"), 1e-12);
        }
    }

    @Test
    void realModelGradientsMatchFiniteDifferencesInDouble() {
        Workload w = Workloads.create("mnist_mlp", WorkloadOptions.defaults().withDataType(DataType.DOUBLE));
        Params params = w.initialParams(Rng.of(2));
        Batch batch = w.trainingStream(4, Rng.of(3)).next();
        Model model = w.model(4);
        Params analytic = model.lossAndGradients(params, batch).gradients().copy();
        Model probe = w.model(4);
        Rng pick = Rng.of(4);
        double h = 1e-6;
        for (int i = 0; i < params.size(); i++) {
            INDArray p = params.value(i).reshape(params.value(i).length());
            INDArray g = analytic.value(i).reshape(analytic.value(i).length());
            for (int k = 0; k < 15; k++) {
                long j = pick.nextInt((int) p.length());
                double saved = p.getDouble(j);
                p.putScalar(j, saved + h);
                double plus = probe.lossAndGradients(params, batch).loss();
                p.putScalar(j, saved - h);
                double minus = probe.lossAndGradients(params, batch).loss();
                p.putScalar(j, saved);
                double numeric = (plus - minus) / (2 * h);
                double exact = g.getDouble(j);
                double scale = Math.max(Math.abs(numeric), Math.abs(exact));
                if (Math.abs(numeric - exact) > 1e-9) {
                    assertTrue(Math.abs(numeric - exact) / scale < 1e-6, params.get(i).name() + "[" + j
                            + "]: analytic " + exact + ", finite difference " + numeric);
                }
            }
        }
    }

    @Test
    void aFewHundredAdamWStepsReachOver90PercentValidationAccuracy() {
        Rng trial = Rng.of(0);
        Params params = floatWorkload.initialParams(trial.split(0));
        BatchStream stream = floatWorkload.trainingStream(128, trial.split(1));
        Model model = floatWorkload.model(128);
        PlainAdamW adamw = new PlainAdamW(params, 3e-3, 0.9, 0.999, 1e-8, 0.01, 15, 300);
        double firstLoss = Double.NaN;
        for (int step = 0; step < 300; step++) {
            LossAndGradients lg = model.lossAndGradients(params, stream.next());
            if (step == 0) {
                firstLoss = lg.loss();
            }
            adamw.step(params, lg.gradients());
        }
        // At He initialisation the loss is near ln 10 = 2.30.
        assertEquals(Math.log(10), firstLoss, 0.5);
        Map<String, Double> validation = floatWorkload.evaluate(params, Split.VALIDATION);
        assertTrue(validation.get("accuracy") > 0.9, "validation " + validation);
        assertTrue(validation.get("loss") < 0.4, "validation " + validation);
    }
}
