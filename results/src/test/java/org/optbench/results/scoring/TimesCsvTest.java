package org.optbench.results.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optbench.api.BadInputException;

class TimesCsvTest {
    static ScoringInput parse(String text, Map<String, String> heldOut) throws IOException {
        return TimesCsv.parse(new StringReader(text), "times.csv", heldOut);
    }

    @Test
    void readsTimesInfinityAndRowsNotRun() throws IOException {
        ScoringInput input = parse("""
                submission,workload,seconds
                A,W1,100
                A,W2,inf
                B,W1,250.5
                """, Map.of());
        assertEquals(List.of("W1", "W2"), input.baseWorkloads());
        assertEquals(Double.POSITIVE_INFINITY, input.times().time("A", "W2"));
        assertEquals(250.5, input.times().time("B", "W1"));
        assertFalse(input.times().ran("B", "W2"));
        // B did not run W2: unsolved. Ratios A {1, inf}, B {2.505, inf}. A: rho 1/2 everywhere -> 0.5.
        ScoreReport report = Scoring.score(input, RuleVersion.V0_6);
        assertEquals(0.5, report.scores().get("A"), 1e-12);
    }

    @Test
    void heldOutVariantsLeaveTheBaseListAndPenaliseUnderV05() throws IOException {
        ScoringInput input = parse("""
                submission,workload,seconds
                A,W1,100
                A,W1_v,100
                A,W2,100
                B,W1,100
                B,W1_v,inf
                B,W2,100
                """, Map.of("W1_v", "W1"));
        assertEquals(List.of("W1", "W2"), input.baseWorkloads());
        // B missed the variant, so its W1 becomes inf (rule c): rho_B = 1/2 everywhere -> 0.5.
        assertEquals(0.5, Scoring.score(input, RuleVersion.V0_5).scores().get("B"), 1e-12);
        assertEquals(1.0, Scoring.score(input, RuleVersion.V0_6).scores().get("B"), 1e-12);
    }

    @Test
    void badRowsAreBadInputNamingTheLine() {
        BadInputException number = assertThrows(BadInputException.class,
                () -> parse("submission,workload,seconds\nA,W1,100\nA,W2,fast\n", Map.of()));
        assertEquals("times.csv line 3 column seconds: expected a positive number or inf, got 'fast'",
                number.getMessage());
        BadInputException duplicate = assertThrows(BadInputException.class,
                () -> parse("submission,workload,seconds\nA,W1,100\nA,W1,90\n", Map.of()));
        assertEquals("times.csv line 3: a second time for submission 'A' and workload 'W1'", duplicate.getMessage());
        BadInputException variant = assertThrows(BadInputException.class,
                () -> parse("submission,workload,seconds\nA,W1,100\n", Map.of("W1_typo", "W1")));
        assertEquals("times.csv: held-out variant 'W1_typo' has no row; workloads: W1", variant.getMessage());
        BadInputException header = assertThrows(BadInputException.class,
                () -> parse("name,workload,seconds\nA,W1,100\n", Map.of()));
        assertEquals("times.csv: no column 'submission'; expected header submission,workload,seconds",
                header.getMessage());
    }
}
