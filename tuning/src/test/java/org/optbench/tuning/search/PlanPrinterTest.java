package org.optbench.tuning.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanPrinterTest {

    @Test
    void printsTheStudysPointsAsAJsonListOfObjectsInTheFilesOrder() throws Exception {
        String json = PlanPrinter.drawnPoints(TestFiles.resource("algoperf/mnist_tuning_search_space.json"), 5, 7, true);
        List<LinkedHashMap<String, Object>> points = new ObjectMapper().readValue(json, new TypeReference<>() { });
        assertEquals(5, points.size());
        assertEquals(List.of("learning_rate", "one_minus_beta_1", "epsilon"), List.copyOf(points.get(0).keySet()));
        // algoperf_halton_reference.py, "3-d mnist, n=5, seed=7": the epsilons in study order.
        assertEquals(List.of(1e-05, 0.001, 0.001, 1e-05, 1e-08), points.stream().map(p -> p.get("epsilon")).toList());
        assertEquals(0.004102837916179185, (Double) points.get(2).get("learning_rate"), Math.ulp(0.004102837916179185));
        assertTrue(json.endsWith("]\n"));
    }

    @Test
    void withoutTheShuffleThePointsAreInHaltonOrder() throws Exception {
        String json = PlanPrinter.drawnPoints(TestFiles.resource("algoperf/mnist_tuning_search_space.json"), 5, 7, false);
        List<LinkedHashMap<String, Object>> points = new ObjectMapper().readValue(json, new TypeReference<>() { });
        // Halton order is the study order [2, 4, 1, 3, 0] undone: epsilons 1e-8, 1e-3, 1e-5, 1e-5, 1e-3.
        assertEquals(List.of(1e-08, 0.001, 1e-05, 1e-05, 0.001), points.stream().map(p -> p.get("epsilon")).toList());
    }
}
