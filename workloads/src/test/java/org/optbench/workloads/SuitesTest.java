package org.optbench.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.optbench.api.BadInputException;

class SuitesTest {

    @Test
    void quickIsEveryBaseWorkloadAndNothingElse() {
        List<String> quick = Suites.workloads("quick", 0);
        for (String name : Workloads.names()) {
            assertEquals(Workloads.create(name).spec().base() == null, quick.contains(name), name);
        }
    }

    @Test
    void fullAddsOneVariantOfEachBaseThatHasVariantsDrawnFromTheSeed() {
        Map<String, String> drawn = Suites.heldOutVariants(Suites.DEFAULT_HELD_OUT_SEED);
        for (Map.Entry<String, String> e : drawn.entrySet()) {
            assertEquals(e.getKey(), Workloads.create(e.getValue()).spec().base(), "a variant of its own base");
        }
        List<String> full = Suites.workloads("full", Suites.DEFAULT_HELD_OUT_SEED);
        assertEquals(Suites.workloads("quick", 0).size() + drawn.size(), full.size());
        assertTrue(full.containsAll(drawn.values()));
        assertEquals(drawn, Suites.heldOutVariants(Suites.DEFAULT_HELD_OUT_SEED), "the draw is deterministic");
    }

    @Test
    void unknownSuiteIsBadInput() {
        assertTrue(assertThrows(BadInputException.class, () -> Suites.workloads("huge", 0)).getMessage()
                .contains("quick, full"));
    }
}
