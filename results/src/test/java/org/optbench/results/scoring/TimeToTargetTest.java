package org.optbench.results.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optbench.results.records.EvalRow;
import org.optbench.api.MetricDirection;

class TimeToTargetTest {
    /** Evaluations at 10, 20, 30, ... submission seconds with the given validation values. */
    static List<EvalRow> evals(String column, double... values) {
        List<EvalRow> rows = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            rows.add(new EvalRow(100L * i, 0, 10.0 * (i + 1), 0, 0, 10.0 * (i + 1), Map.of(column, values[i])));
        }
        return rows;
    }

    @Test
    void higherIsBetterReachesAtEqualityAndTakesTheFirstSuchEvaluation() {
        TargetHit hit = TimeToTarget.firstHit(3, evals("validation/accuracy", 0.5, 0.8, 0.9, 0.95, 0.85),
                "validation/accuracy", MetricDirection.HIGHER, 0.9);
        assertEquals(new TargetHit(3, 2, 30.0), hit);
    }

    @Test
    void lowerIsBetterSkipsNaN() {
        TargetHit hit = TimeToTarget.firstHit(1, evals("validation/loss", 3.0, Double.NaN, 1.2, 1.0, 0.5),
                "validation/loss", MetricDirection.LOWER, 1.0);
        assertEquals(new TargetHit(1, 3, 40.0), hit);
    }

    @Test
    void nanNeverReachesInEitherDirection() {
        for (MetricDirection d : MetricDirection.values()) {
            TargetHit hit = TimeToTarget.firstHit(1, evals("validation/m", Double.NaN, Double.NaN), "validation/m", d, 0.5);
            assertFalse(hit.reached());
            assertEquals(Double.POSITIVE_INFINITY, hit.seconds());
        }
    }

    @Test
    void neverReachingOrAMissingColumnIsInfinite() {
        assertEquals(TargetHit.never(2), TimeToTarget.firstHit(2, evals("validation/accuracy", 0.1, 0.2),
                "validation/accuracy", MetricDirection.HIGHER, 0.9));
        assertEquals(TargetHit.never(2), TimeToTarget.firstHit(2, evals("validation/accuracy", 0.95),
                "validation/bleu", MetricDirection.HIGHER, 0.9));
        assertEquals(TargetHit.never(2), TimeToTarget.firstHit(2, List.of(), "validation/accuracy",
                MetricDirection.HIGHER, 0.9));
    }
}
