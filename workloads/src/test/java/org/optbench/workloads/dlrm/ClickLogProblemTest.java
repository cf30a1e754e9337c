package org.optbench.workloads.dlrm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The click-log generator's documented properties. */
class ClickLogProblemTest {
    private static ClickLogProblem problem;
    private static ClickLogProblem.Data data;

    @BeforeAll
    static void generate() {
        problem = ClickLogProblem.standard();
        data = ClickLogProblem.standardData();
    }

    @Test
    void sizesAndDeterminism() {
        assertEquals(1_800_000, data.train().size());
        assertEquals(20_000, data.validation().size());
        assertEquals(20_000, data.test().size());
        ClickLogProblem.Data again = problem.generate();
        assertArrayEquals(data.validation().categorical(), again.validation().categorical());
        assertArrayEquals(data.validation().labels(), again.validation().labels());
        assertArrayEquals(data.train().dense(), again.train().dense());
    }

    @Test
    void theMostFrequentValueHasTheZipfShare() {
        // Under Zipf(s) on V ranks the top value has probability 1 / H(V, s), H(V, s) = sum_{k<=V} k^-s:
        // 0.180 for V = 1,000 and 0.152 for V = 10,000 at s = 1.1. Checked within 4 standard errors.
        int n = data.train().size();
        int tables = problem.tables();
        for (int t = 0; t < tables; t++) {
            int v = problem.vocabularies().get(t);
            int[] counts = new int[v];
            for (int e = 0; e < n; e++) {
                counts[data.train().categorical()[e * tables + t]]++;
            }
            int max = 0;
            int distinct = 0;
            for (int c : counts) {
                max = Math.max(max, c);
                distinct += c > 0 ? 1 : 0;
            }
            double h = 0;
            for (int k = 1; k <= v; k++) {
                h += Math.pow(k, -1.1);
            }
            double p = 1 / h;
            double se = Math.sqrt(p * (1 - p) / n);
            assertEquals(p, (double) max / n, 4 * se, "table " + t);
            // A long tail: most of the table is seen, but the rarest rank has expected count n V^-1.1 / H < 3.
            assertTrue(distinct > 0.5 * v, "table " + t + " has " + distinct + " distinct of " + v);
        }
    }

    @Test
    void theClickRateIsTheBaseRate() {
        // The teacher's bias is solved so that the mean click probability of the first 20,000 training examples
        // is 0.2; the labels are Bernoulli draws of those probabilities.
        double meanP = 0;
        for (int i = 0; i < 20_000; i++) {
            meanP += data.train().clickProbability()[i];
        }
        assertEquals(0.2, meanP / 20_000, 1e-9);
        for (ClickLogSplit s : new ClickLogSplit[] {data.train(), data.validation(), data.test()}) {
            double expected = 0;
            for (double p : s.clickProbability()) {
                expected += p;
            }
            expected /= s.size();
            assertEquals(0.2, expected, 0.01);
            assertEquals(expected, s.clickRate(), 4 * Math.sqrt(0.2 * 0.8 / s.size()));
        }
    }

    @Test
    void theZipfSamplerInvertsTheCdf() {
        double[] cdf = ClickLogProblem.zipfCdf(3, 1.0);
        // 1, 1/2, 1/3 over 11/6: cumulative 6/11, 9/11, 1.
        assertEquals(6.0 / 11, cdf[0], 1e-15);
        assertEquals(9.0 / 11, cdf[1], 1e-15);
        assertEquals(0, ClickLogProblem.sample(cdf, 0.0));
        assertEquals(0, ClickLogProblem.sample(cdf, 6.0 / 11 - 1e-9));
        assertEquals(1, ClickLogProblem.sample(cdf, 6.0 / 11 + 1e-9));
        assertEquals(2, ClickLogProblem.sample(cdf, 0.999));
    }
}
