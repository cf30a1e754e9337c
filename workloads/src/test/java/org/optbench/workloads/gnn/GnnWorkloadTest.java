package org.optbench.workloads.gnn;

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
import org.optbench.workloads.ModelFiniteDifferences;
import org.optbench.workloads.Split;
import org.optbench.workloads.WorkloadSpec;
import org.optbench.workloads.calibration.PlainAdamW;

/** graph_gnn: whole-model gradients, batching, determinism, evaluation and learning. */
class GnnWorkloadTest {
    private static MoleculeProblem problem;
    private static MoleculeProblem.Data data;

    @BeforeAll
    static void generate() {
        problem = MoleculeProblem.standard();
        data = MoleculeProblem.standardData();
    }

    private static GnnWorkload workload(GnnArchitecture arch, DataType type) {
        WorkloadSpec spec = GnnWorkload.spec("graph_gnn_test", null, 0.7, 0.7, 1000, "test");
        return new GnnWorkload(spec, arch, problem, data, type);
    }

    private static ModelFiniteDifferences.Summary checkGradients(GnnArchitecture arch) {
        GnnWorkload w = workload(arch, DataType.DOUBLE);
        Params params = w.initialParams(Rng.of(3));
        // The head's last kernel starts at zero, which would leave every other gradient zero: give it values.
        org.optbench.workloads.layers.Initializers.normal(params.value(params.size() - 2), 0.5, Rng.of(6));
        Batch batch = w.trainingStream(3, Rng.of(4)).next();
        Model model = w.model(3);
        Params analytic = model.lossAndGradients(params, batch).gradients().copy();
        Model probe = w.model(3);
        Rng pick = Rng.of(5);
        ModelFiniteDifferences.Summary worst = new ModelFiniteDifferences.Summary();
        for (int p = 0; p < params.size(); p++) {
            long n = params.value(p).length();
            for (int k = 0; k < Math.min(n, 25); k++) {
                long i = n <= 25 ? k : pick.nextInt((int) n);
                worst.add(ModelFiniteDifferences.check(probe, params, analytic, batch, p, i, 1e-6));
            }
        }
        return worst;
    }

    @Test
    void sumAggregationGradientsMatchFiniteDifferencesInDouble() {
        ModelFiniteDifferences.Summary worst = checkGradients(GnnWorkload.architecture(6, 2, Aggregation.SUM));
        assertTrue(worst.worst() < 1e-6 && worst.substantial() > 20, worst.toString());
    }

    @Test
    void meanAggregationGradientsMatchFiniteDifferencesInDouble() {
        ModelFiniteDifferences.Summary worst = checkGradients(GnnWorkload.architecture(6, 3, Aggregation.MEAN));
        assertTrue(worst.worst() < 1e-6 && worst.substantial() > 20, worst.toString());
    }

    @Test
    void aBatchIsTheDisjointUnionOfItsGraphsWithPadding() {
        GnnWorkload w = workload(GnnWorkload.STANDARD, DataType.FLOAT);
        Batch batch = w.trainingStream(2, Rng.of(1)).next();
        INDArray graphIndex = batch.get(GraphBatches.GRAPH_INDEX);
        INDArray senders = batch.get(GraphBatches.SENDERS);
        INDArray receivers = batch.get(GraphBatches.RECEIVERS);
        assertEquals(2 * 30, graphIndex.length());
        assertEquals(2 * 2 * 32, senders.length());
        int[] nodesOf = new int[2];
        int padding = 0;
        for (int v = 0; v < graphIndex.length(); v++) {
            int g = graphIndex.getInt(v);
            if (g < 0) {
                padding++;
            } else {
                assertEquals(0, padding, "padding only after the real nodes");
                nodesOf[g]++;
            }
        }
        int edges = 0;
        for (int k = 0; k < senders.length(); k++) {
            int s = senders.getInt(k);
            if (s < 0) {
                continue;
            }
            edges++;
            int r = receivers.getInt(k);
            // No edge crosses between graphs.
            assertEquals(graphIndex.getInt(s), graphIndex.getInt(r));
        }
        // Each bond twice; the two graphs' sizes add up.
        assertEquals(0, edges % 2);
        assertEquals(60 - padding, nodesOf[0] + nodesOf[1]);
        assertTrue(nodesOf[0] >= 10 && nodesOf[0] <= 30 && nodesOf[1] >= 10 && nodesOf[1] <= 30);
    }

    @Test
    void initAndBatchesAreDeterministic() {
        GnnWorkload w = workload(GnnWorkload.STANDARD, DataType.FLOAT);
        Params a = w.initialParams(Rng.of(7));
        Params b = w.initialParams(Rng.of(7));
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.value(i), b.value(i));
        }
        assertNotEquals(a.value(0), w.initialParams(Rng.of(8)).value(0));
        BatchStream s1 = w.trainingStream(64, Rng.of(5));
        BatchStream s2 = w.trainingStream(64, Rng.of(5));
        for (int k = 0; k < 3; k++) {
            INDArray x = s1.next().inputs().dup();
            assertEquals(x, s2.next().inputs());
        }
        // The data come from the problem's seed: a second draw is identical.
        MoleculeGraph first = MoleculeProblem.standard().generate().train().get(0);
        assertEquals(java.util.Arrays.toString(data.train().get(0).edgeTo()), java.util.Arrays.toString(first.edgeTo()));
    }

    @Test
    void evaluationAtAConstantPredictionHasTheLabelRatesAsAveragePrecision() {
        // A zero last kernel gives every graph the same scores (the last bias): with all scores tied, the AP of a
        // label is its positive rate, so the mean AP is the mean positive rate over the labels.
        GnnWorkload w = workload(GnnWorkload.STANDARD, DataType.DOUBLE);
        Params params = w.initialParams(Rng.of(1));
        params.value(params.size() - 2).assign(0);
        Map<String, Double> m = w.evaluate(params, Split.VALIDATION);
        double meanRate = 0;
        int labels = Motifs.NAMES.size();
        for (int l = 0; l < labels; l++) {
            int positives = 0;
            for (MoleculeGraph g : data.validation()) {
                positives += g.labels()[l] ? 1 : 0;
            }
            meanRate += (double) positives / data.validation().size() / labels;
        }
        assertEquals(meanRate, m.get("mean_average_precision"), 1e-12);
        assertEquals(Math.log(2), m.get("loss"), 1e-12, "zero logits");
    }

    @Test
    void aShortAdamWRunLearnsTheMotifs() {
        GnnWorkload w = workload(GnnWorkload.STANDARD, DataType.FLOAT);
        Rng trial = Rng.of(0);
        Params params = w.initialParams(trial.split(0));
        BatchStream stream = w.trainingStream(32, trial.split(1));
        Model model = w.model(32);
        double before = w.evaluate(params, Split.VALIDATION).get("mean_average_precision");
        PlainAdamW adamw = new PlainAdamW(params, 3e-3, 0.9, 0.999, 1e-8, 0, 8, 150);
        for (int step = 0; step < 150; step++) {
            LossAndGradients lg = model.lossAndGradients(params, stream.next());
            adamw.step(params, lg.gradients());
        }
        Map<String, Double> after = w.evaluate(params, Split.VALIDATION);
        // A constant or random predictor has mean AP 0.38 (the mean label rate on validation), and predicting
        // each label's rate has the mean binary entropy of the rates as its loss.
        double constantLoss = 0;
        int labels = Motifs.NAMES.size();
        for (int l = 0; l < labels; l++) {
            double r = 0;
            for (MoleculeGraph g : data.validation()) {
                r += g.labels()[l] ? 1.0 / data.validation().size() : 0;
            }
            constantLoss -= (r * Math.log(r) + (1 - r) * Math.log(1 - r)) / labels;
        }
        assertTrue(after.get("mean_average_precision") > 0.5, "before " + before + ", after " + after);
        assertTrue(after.get("loss") < constantLoss - 0.05, "after " + after + ", constant " + constantLoss);
    }
}
