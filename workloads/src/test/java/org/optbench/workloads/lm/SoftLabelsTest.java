package org.optbench.workloads.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.optbench.api.BatchStream;
import org.optbench.api.LossAndGradients;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.workloads.Model;
import org.optbench.workloads.Split;
import org.optbench.workloads.Workload;
import org.optbench.workloads.Workloads;

/** sotu_lm with a small model's soft labels, against sotu_lm itself. */
class SoftLabelsTest {
    private static final SotuText TEXT = SotuText.bundled(SotuLm.TRANSFORMER.context());
    private static final CharNgramModel SMALL = CharNgramModel.train(TEXT.train().ids(),
            SotuText.VOCABULARY.length(), 3, 0.75);

    private static List<double[]> trajectory(Workload workload, int steps) {
        Params params = workload.initialParams(Rng.of(11));
        BatchStream stream = workload.trainingStream(16, Rng.of(12));
        List<double[]> history = new ArrayList<>();
        try (Model model = workload.model(16)) {
            for (int t = 0; t < steps; t++) {
                LossAndGradients lg = model.lossAndGradients(params, stream.next());
                for (int i = 0; i < params.size(); i++) {
                    params.value(i).subi(lg.gradients().value(i).mul(0.05));
                }
                List<Double> flat = new ArrayList<>();
                for (Params.Param p : params) {
                    for (double v : p.value().dup().data().asDouble()) {
                        flat.add(v);
                    }
                }
                history.add(flat.stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
        return history;
    }

    private static SotuLm lm(SoftLabels soft) {
        return new SotuLm(Workloads.spec("sotu_lm"), SotuLm.TRANSFORMER, TEXT, soft, DataType.FLOAT);
    }

    @Test
    void withWeightZeroTheTrajectoryIsTheBasesBitForBit() {
        List<double[]> base = trajectory(Workloads.create("sotu_lm"), 8);
        List<double[]> zero = trajectory(lm(new SoftLabels(SMALL, 0.0)), 8);
        for (int t = 0; t < 8; t++) {
            assertArrayEquals(base.get(t), zero.get(t), 0.0, "step " + t);
        }
        List<double[]> half = trajectory(lm(new SoftLabels(SMALL, 0.5)), 8);
        assertFalse(java.util.Arrays.equals(base.get(7), half.get(7)), "the soft labels change the training signal");
    }

    @Test
    void theSoftLabelsAreTheSmallModelsOnTheWindowAndEvaluationIsThePlainCrossEntropy() {
        // Weight 1 at initial parameters: the loss is the mean KL divergence to the small model, which this test
        // computes from the model's own distributions, position by position, from the window's symbols alone.
        SotuLm soft = lm(new SoftLabels(SMALL, 1.0));
        Params params = soft.initialParams(Rng.of(4));
        BatchStream stream = soft.trainingStream(16, Rng.of(5));
        org.optbench.api.Batch batch = stream.next();
        int context = SotuLm.TRANSFORMER.context();
        int v = SotuText.VOCABULARY.length();
        double[] logits = logitsOf(params, batch);
        double kl = 0;
        double[] q = new double[v];
        for (int r = 0; r < 16; r++) {
            byte[] window = new byte[context];
            for (int j = 0; j < context; j++) {
                window[j] = (byte) batch.inputs().getDouble(r, j);
            }
            for (int j = 0; j < context; j++) {
                SMALL.next(window, Math.max(0, j - 1), j + 1, q, 0);
                int row = (r * context + j) * v;
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < v; c++) {
                    max = Math.max(max, logits[row + c]);
                }
                double sum = 0;
                for (int c = 0; c < v; c++) {
                    sum += Math.exp(logits[row + c] - max);
                }
                double lse = max + Math.log(sum);
                for (int c = 0; c < v; c++) {
                    kl += q[c] * (Math.log(q[c]) - (logits[row + c] - lse));
                }
            }
        }
        try (Model model = soft.model(16)) {
            assertEquals(kl / (16 * context), model.lossAndGradients(params, batch).loss(), 1e-9);
        }
        assertEquals(Workloads.create("sotu_lm").evaluate(params, Split.VALIDATION).get("cross_entropy"),
                soft.evaluate(params, Split.VALIDATION).get("cross_entropy"), 0.0);
    }

    /** The transformer's logits for the batch, from a network of the same architecture. */
    private static double[] logitsOf(Params params, org.optbench.api.Batch batch) {
        try (TransformerNetwork network = new TransformerNetwork(SotuLm.TRANSFORMER, 16, DataType.FLOAT)) {
            return network.forward(params, batch.inputs()).dup().data().asDouble();
        }
    }
}
