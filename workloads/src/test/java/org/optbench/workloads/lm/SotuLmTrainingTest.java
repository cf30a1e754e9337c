package org.optbench.workloads.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.optbench.api.BatchStream;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.workloads.Model;
import org.optbench.workloads.Split;
import org.optbench.workloads.Workload;
import org.optbench.workloads.Workloads;
import org.optbench.workloads.calibration.PlainAdamW;

/**
 * A short seeded AdamW run learns more than character frequencies: validation cross-entropy falls from the
 * uniform ln 53 below the entropy of the training text's character frequencies (the best a model that ignores
 * context can do), computed here from the text.
 */
class SotuLmTrainingTest {

    @Test
    void adamwBeatsTheUnigramEntropyWithinAHundredSteps() {
        Workload w = Workloads.create("sotu_lm");
        Rng trial = Rng.of(0);
        Params params = w.initialParams(trial.split(0));
        BatchStream stream = w.trainingStream(16, trial.split(1));
        double before = w.evaluate(params, Split.VALIDATION).get("cross_entropy");
        int steps = 100;
        PlainAdamW adamw = new PlainAdamW(params, 3e-3, 0.9, 0.999, 1e-8, 0.01, 5, steps);
        try (Model model = w.model(16)) {
            for (int i = 0; i < steps; i++) {
                adamw.step(params, model.lossAndGradients(params, stream.next()).gradients());
            }
        }
        double after = w.evaluate(params, Split.VALIDATION).get("cross_entropy");
        double unigram = unigramEntropy(((SotuLm) w).text().train().ids());
        System.out.printf("validation cross-entropy %.4f -> %.4f after %d steps; unigram entropy %.4f%n", before,
                after, steps, unigram);
        assertEquals(Math.log(53), before, 0.05);
        assertTrue(unigram > 2.7 && unigram < 3.1, "unigram entropy " + unigram);
        assertTrue(after < unigram - 0.25, "validation cross-entropy " + after + " vs unigram " + unigram);
    }

    private static double unigramEntropy(byte[] ids) {
        long[] counts = new long[SotuText.VOCABULARY.length()];
        for (byte id : ids) {
            counts[id]++;
        }
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                double p = (double) c / ids.length;
                h -= p * Math.log(p);
            }
        }
        return h;
    }
}
