package org.optbench.workloads.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Average precision and ROC AUC against hand-worked examples. */
class RankingMetricsTest {
    @Test
    void averagePrecisionOfScikitLearnsDocumentedExample() {
        // average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.8333 (scikit-learn's docstring).
        // By hand: at 0.8 P = 1, R = 1/2; at 0.4 R stays; at 0.35 P = 2/3, R = 1: 1/2 * 1 + 1/2 * 2/3.
        double ap = AveragePrecision.of(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true});
        assertEquals(0.5 + 1.0 / 3, ap, 1e-15);
    }

    @Test
    void tiedScoresEnterTogether() {
        // Scores (0.9, 0.9, 0.1), labels (1, 0, 1): at 0.9 both tied enter, P = 1/2, R = 1/2; at 0.1 P = 2/3, R = 1.
        double ap = AveragePrecision.of(new double[] {0.9, 0.9, 0.1}, new boolean[] {true, false, true});
        assertEquals(0.25 + 1.0 / 3, ap, 1e-15);
        // All tied: one threshold, AP = the positive rate.
        assertEquals(0.5, AveragePrecision.of(new double[] {3, 3, 3, 3}, new boolean[] {true, false, false, true}),
                1e-15);
        // A perfect ranking has AP 1, the reverse ranking of one positive among four has AP 1/4.
        assertEquals(1.0, AveragePrecision.of(new double[] {4, 3, 2, 1}, new boolean[] {true, true, false, false}));
        assertEquals(0.25, AveragePrecision.of(new double[] {4, 3, 2, 1}, new boolean[] {false, false, false, true}));
    }

    @Test
    void meanSkipsLabelsWithoutPositives() {
        // Two rows, three labels (row-major): label 0 ranked perfectly (AP 1), label 1 has no positive (skipped),
        // label 2 ranked backwards with one positive of two (AP 1/2).
        double[] scores = {0.9, 0.2, 0.1, 0.1, 0.3, 0.8};
        boolean[] labels = {true, false, true, false, false, false};
        assertEquals(0.75, AveragePrecision.mean(scores, labels, 2, 3), 1e-15);
        assertTrue(Double.isNaN(AveragePrecision.of(new double[] {1, 2}, new boolean[] {false, false})));
    }

    @Test
    void aucOfScikitLearnsDocumentedExampleAndTies() {
        // roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.75: 3 of the 4 positive-negative pairs ordered.
        assertEquals(0.75, RocAuc.of(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true}),
                1e-15);
        // A tie between a positive and a negative counts one half: pairs (0.5 vs 0.5) = 1/2, (0.5 vs 0.2) = 1.
        assertEquals(0.75, RocAuc.of(new double[] {0.5, 0.5, 0.2}, new boolean[] {true, false, false}), 1e-15);
        assertTrue(Double.isNaN(RocAuc.of(new double[] {1, 2}, new boolean[] {true, true})));
    }
}
