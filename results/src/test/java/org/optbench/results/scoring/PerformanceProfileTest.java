package org.optbench.results.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PerformanceProfileTest {
    static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void gridIsAlgoPerfsHundredPointsFromOneToFour() {
        double[] taus = PerformanceProfile.taus();
        assertEquals(100, taus.length);
        assertEquals(1.0, taus[0]);
        assertEquals(4.0, taus[99]);
        // numpy.linspace(1, 4, 100)[33] and [66] are exactly 2.0 and 3.0; the spacing is 3/99 = 1/33.
        assertEquals(2.0, taus[33]);
        assertEquals(3.0, taus[66]);
        assertEquals(1.0 / 33, taus[1] - taus[0], 1e-15);
    }

    @Test
    void rhoCountsRatiosAtMostTauOverAllBaseWorkloads() {
        double[] taus = {1.0, 1.5, 2.0, 4.0};
        // Four workloads: ratios 1, 1.5, 3, and one unsolved. At 1.5 the ratio 1.5 counts (<=).
        assertArrayEquals(new double[] {0.25, 0.5, 0.5, 0.75},
                PerformanceProfile.rho(List.of(1.0, 1.5, 3.0, INF), 4, taus));
        // A ratio above 4 never counts.
        assertArrayEquals(new double[] {0, 0, 0, 0}, PerformanceProfile.rho(List.of(4.5), 1, taus));
    }

    @Test
    void trapezoidMatchesHandSums() {
        // Trapezoid of y = x on [0, 2] with points 0, 1, 2: (0 + 1)/2 + (1 + 2)/2 = 2, the exact integral.
        assertEquals(2.0, PerformanceProfile.trapezoid(new double[] {0, 1, 2}, new double[] {0, 1, 2}));
        // Uneven spacing: x = 0, 1, 3, y = 1, 3, 3: (1)(1 + 3)/2 + (2)(3 + 3)/2 = 2 + 6 = 8.
        assertEquals(8.0, PerformanceProfile.trapezoid(new double[] {1, 3, 3}, new double[] {0, 1, 3}));
    }

    @Test
    void aSubmissionBestEverywhereScoresExactlyOne() {
        TimeTable times = TimeTable.builder()
                .put("fast", "W1", 10, "t").put("fast", "W2", 20, "t").put("fast", "W3", 30, "t")
                .put("slow", "W1", 15, "t").put("slow", "W2", 90, "t").put("slow", "W3", INF, "t").build();
        ScoreReport report = Scoring.score(new ScoringInput(times, List.of("W1", "W2", "W3"), Map.of(), Map.of()),
                RuleVersion.V0_6);
        assertEquals(1.0, report.scores().get("fast"));
        // slow: W1 ratio 15/10 = 1.5; W2's 90 > 4 x 20 = 80 becomes inf; W3 inf. rho = 1/3 from tau = 1.5 on,
        // which lies between tau_16 and tau_17 (tau_i = 1 + i/33): interval [16, 17] gives (0 + 1/3)/2 / 33
        // = (0.5/3)/33, the 82 intervals from 17 to 99 give 82 (1/3) / 33; total (82.5/3)/33 = 2.5/3, and the
        // score is (2.5/3)/3 = 2.5/9 = 0.2777...
        assertEquals(2.5 / 9, report.scores().get("slow"), 1e-12);
    }

    @Test
    void ratiosDivideByTheColumnBestAndTheBestIsOneEvenAtTimeZero() {
        Map<String, Map<String, Double>> ratios = PerformanceProfile.ratios(Map.of(
                "A", Map.of("W1", 0.0, "W2", 30.0, "W3", INF),
                "B", Map.of("W1", 5.0, "W2", 45.0, "W3", INF)));
        assertEquals(Map.of("W1", 1.0, "W2", 1.0, "W3", INF), ratios.get("A"));
        assertEquals(Map.of("W1", INF, "W2", 1.5, "W3", INF), ratios.get("B"));
    }

    @Test
    void aWorkloadThatNobodyReachedCountsAsUnsolvedForEveryone() {
        TimeTable times = TimeTable.builder().put("A", "W1", 10, "t").put("A", "W2", INF, "t")
                .put("B", "W1", 10, "t").build();
        ScoreReport report = Scoring.score(new ScoringInput(times, List.of("W1", "W2"), Map.of(), Map.of()),
                RuleVersion.V0_6);
        assertEquals(0.5, report.scores().get("A"), 1e-12);
        assertEquals(0.5, report.scores().get("B"), 1e-12);
    }
}
