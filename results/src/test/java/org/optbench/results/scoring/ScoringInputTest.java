package org.optbench.results.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optbench.api.BadInputException;

class ScoringInputTest {
    static ScoringInput twoWorkloads() {
        TimeTable times = TimeTable.builder().put("A", "W1", 10, "t").put("A", "W2", 20, "t").build();
        return new ScoringInput(times, List.of("W1", "W2"), Map.of(), Map.of());
    }

    @Test
    void heldOutMovesTheVariantOutOfTheBaseWorkloads() {
        ScoringInput input = twoWorkloads().withHeldOut(Map.of("W2", "W1"));
        assertEquals(List.of("W1"), input.baseWorkloads());
        assertEquals(Map.of("W2", "W1"), input.variantToBase());
    }

    @Test
    void heldOutNamesMustBeWorkloadsOfTheInput() {
        BadInputException variant = assertThrows(BadInputException.class,
                () -> twoWorkloads().withHeldOut(Map.of("W3", "W1")));
        assertEquals("held-out variant 'W3' is not a workload of the input; known: W1, W2", variant.getMessage());
        BadInputException base = assertThrows(BadInputException.class,
                () -> twoWorkloads().withHeldOut(Map.of("W2", "W9")));
        assertEquals("held-out variant's base 'W9' is not a workload of the input; known: W1, W2", base.getMessage());
    }
}
