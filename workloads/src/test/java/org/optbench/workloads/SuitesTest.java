package org.optbench.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

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
    void fullAddsOneVariantOfEachBaseThatHasVariantsAndOneDelayedVariantDrawnFromTheSeed() {
        Map<String, String> drawn = Suites.heldOutVariants(Suites.DEFAULT_HELD_OUT_SEED);
        for (Map.Entry<String, String> e : drawn.entrySet()) {
            if (e.getKey().equals(Workloads.SMALL_MODEL_ASSISTANCE)) {
                continue;
            }
            if (e.getKey().equals(Workloads.DELAYED_GRADIENTS)) {
                assertTrue(List.of("mnist_mlp_delay8", "sotu_lm_stragglers").contains(e.getValue()), e.getValue());
            } else {
                assertEquals(e.getKey(), Workloads.create(e.getValue()).spec().base(), "a variant of its own base");
            }
        }
        // One group per base (every base has model variants) and one per family that changes the training signal.
        assertEquals(Set.of("mnist_mlp", "mnist_cnn", "mnist_autoencoder", "sotu_lm", "ctr_dlrm", "graph_gnn",
                "quadratic", Workloads.DELAYED_GRADIENTS, Workloads.SMALL_MODEL_ASSISTANCE), drawn.keySet());
        assertEquals("sotu_lm_slm", drawn.get(Workloads.SMALL_MODEL_ASSISTANCE), "the family's only member");
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
