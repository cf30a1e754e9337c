package org.optbench.results.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The held-out and 4x rules on a hand-made table where the order of the steps changes the outcome.
 * Base workloads W1, W2; held-out variant V1 of W1; submissions A, B, C, D (D did not run W2):
 * <pre>
 *        W1    V1    W2
 *   A   100   100   100
 *   B   300   120   150
 *   C   inf    20   500
 *   D    50   inf     -
 * </pre>
 */
class PenaltiesTest {
    static final double INF = Double.POSITIVE_INFINITY;

    static ScoringInput table() {
        TimeTable times = TimeTable.builder()
                .put("A", "W1", 100, "t").put("A", "V1", 100, "t").put("A", "W2", 100, "t")
                .put("B", "W1", 300, "t").put("B", "V1", 120, "t").put("B", "W2", 150, "t")
                .put("C", "W1", INF, "t").put("C", "V1", 20, "t").put("C", "W2", 500, "t")
                .put("D", "W1", 50, "t").put("D", "V1", INF, "t")
                .build();
        return new ScoringInput(times, List.of("W1", "W2"), Map.of("V1", "W1"), Map.of());
    }

    @Test
    void v05AppliesTheHeldOutRulesAroundTheFourTimesRule() {
        // (a) C's V1 becomes inf, since C's W1 is inf. V1's column is then A 100, B 120, C inf, D inf.
        //     (Were the 4x rule first, V1's best would be C's 20, and A's 100 and B's 120 > 80 would be lost.)
        // (b) 4x per column. W1: best 50 (D), 4 x 50 = 200: B's 300 -> inf; A's 100 stays.
        //     V1: best 100 (A), 400: A and B stay. W2: best 100 (A), 400: C's 500 -> inf; D did not run it: inf.
        // (c) A base becomes inf where its variant is inf: D's W1 -> inf (D's V1 is inf); C's W1 already inf.
        //     (Were (c) before (b), D's 50 would not set W1's best, and B's 300 <= 4 x 100 would survive.)
        // (d) Only W1 and W2 remain.
        Map<String, Map<String, Double>> after = Penalties.apply(table().times(), List.of("W1", "W2"),
                Map.of("V1", "W1"), RuleVersion.V0_5);
        assertEquals(Map.of(
                "A", Map.of("W1", 100.0, "W2", 100.0),
                "B", Map.of("W1", INF, "W2", 150.0),
                "C", Map.of("W1", INF, "W2", INF),
                "D", Map.of("W1", INF, "W2", INF)), after);
    }

    @Test
    void v05ScoresFollowFromThePenalisedTable() {
        // Ratios to the column minima (W1: A's 100, W2: A's 100): A = {1, 1}, B = {inf, 1.5}, C = D = {inf, inf}.
        // A: rho = 1 on the whole grid; the trapezoid gives 3; 3 / 3 = 1.
        // B: rho = 0 for tau < 1.5 and 1/2 from 1.5 on. The grid is tau_i = 1 + i/33, so 1.5 lies between
        //    tau_16 and tau_17: the interval [16, 17] contributes (1/33)(0 + 1/2)/2 = 0.25/33 and the 82
        //    intervals from 17 to 99 contribute 82 (1/33)(1/2) = 41/33: the integral is 41.25/33 = 1.25,
        //    and B = 1.25 / 3 = 0.41666...
        ScoreReport report = Scoring.score(table(), RuleVersion.V0_5);
        assertEquals(1.0, report.scores().get("A"), 1e-12);
        assertEquals(1.25 / 3, report.scores().get("B"), 1e-12);
        assertEquals(0.0, report.scores().get("C"));
        assertEquals(0.0, report.scores().get("D"));
        assertEquals(1.5, report.ratios().get("B").get("W2"));
        assertEquals(INF, report.ratios().get("B").get("W1"));
    }

    @Test
    void v06IgnoresTheVariantsAndAppliesOnlyTheFourTimesRule() {
        // Bases only. W1: best 50 (D), 200: B's 300 -> inf. W2: best 100 (A): C's 500 -> inf.
        //   A = {100, 100}, B = {inf, 150}, C = {inf, inf}, D = {50, inf}.
        // Ratios: W1 min 50, W2 min 100: A = {2, 1}, B = {inf, 1.5}, D = {1, inf}.
        // A (2x slower on half the workloads): rho = 1/2 on tau_0..tau_32, 1 from tau_33 = 2.0 exactly on.
        //   32 intervals at 1/2: 16/33; interval [32, 33]: (1/2 + 1)/2 / 33 = 0.75/33; 66 intervals at 1: 66/33.
        //   Integral 82.75/33; score 82.75/99 = 0.83585... (the exact integral would give 2.5/3 = 0.8333).
        // B: 0.41666... as under v0.5. D: rho = 1/2 everywhere: 1.5 / 3 = 0.5.
        ScoreReport report = Scoring.score(table(), RuleVersion.V0_6);
        assertEquals(Map.of("W1", 100.0, "W2", 100.0), report.penalisedTimes().get("A"));
        assertEquals(Map.of("W1", 50.0, "W2", INF), report.penalisedTimes().get("D"));
        assertEquals(82.75 / 99, report.scores().get("A"), 1e-12);
        assertEquals(1.25 / 3, report.scores().get("B"), 1e-12);
        assertEquals(0.0, report.scores().get("C"));
        assertEquals(0.5, report.scores().get("D"), 1e-12);
    }

    @Test
    void withoutVariantsOnlyTheFourTimesRuleApplies() {
        // 400 is exactly 4 x 100 and stays; 401 is above and becomes inf.
        TimeTable times = TimeTable.builder().put("A", "W", 100, "t").put("B", "W", 400, "t").put("C", "W", 401, "t")
                .build();
        for (RuleVersion v : RuleVersion.values()) {
            assertEquals(Map.of("A", Map.of("W", 100.0), "B", Map.of("W", 400.0), "C", Map.of("W", INF)),
                    Penalties.apply(times, List.of("W"), Map.of(), v));
        }
    }
}
