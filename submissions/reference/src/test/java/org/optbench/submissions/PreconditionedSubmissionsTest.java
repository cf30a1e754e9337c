package org.optbench.submissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.optbench.api.BadInputException;
import org.optbench.api.Params;
import org.optbench.api.ParameterType;
import org.optbench.api.Submission;
import org.optbench.submissions.transform.Optimizer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class PreconditionedSubmissionsTest {
    private static Submission find(String name) {
        return ServiceLoader.load(Submission.class).stream().map(ServiceLoader.Provider::get)
                .filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no submission " + name));
    }

    @Test
    void searchSpacesNameOnlyHyperparametersOfTheDefaultPoint() {
        Pattern key = Pattern.compile("\"([a-z_0-9]+)\"\\s*:\\s*\\{");
        for (String name : new String[] {"shampoo", "sonew", "sonew_banded", "sketchy"}) {
            Submission submission = find(name);
            assertTrue(ReferenceOptimizers.names().contains(name));
            String json = submission.searchSpaceJson().orElseThrow();
            Matcher m = key.matcher(json);
            int count = 0;
            while (m.find()) {
                assertTrue(submission.defaultHyperParameters().has(m.group(1)), name + ": " + m.group(1));
                count++;
            }
            assertTrue(count >= 5, name);
            ReferenceOptimizers.create(name, submission.defaultHyperParameters(), 100);
        }
    }

    @Test
    void sketchysGraftEpsilonIsAHyperparameterInsideTheGraftsSquareRoot() {
        // A bias takes the RMSProp graft alone: on the first step its direction is g / sqrt((1 - beta2) g^2 + eps).
        // Learning rate, schedule and momentum scale both runs alike, so the ratio of the two runs' updates is
        // sqrt((1 - beta2) g^2 + 1e-23) / sqrt((1 - beta2) g^2 + 1).
        double[] g = {0.5, -0.25, 2.0, 1.0};
        double[][] updates = new double[2][];
        double[] epsilons = {1e-23, 1.0};
        for (int run = 0; run < 2; run++) {
            // No warm-up: the first step's learning rate is the peak, not 0.
            Map<String, Object> point = run == 0 ? Map.of("warmup_factor", 0.0)
                    : Map.of("warmup_factor", 0.0, "graft_epsilon", epsilons[run]);
            Optimizer optimizer = ReferenceOptimizers.create("sketchy",
                    find("sketchy").defaultHyperParameters().with(point), 100);
            Params params = Params.builder().add("b", ParameterType.BIAS, Nd4j.zeros(DataType.DOUBLE, 4)).build();
            Params gradients = Params.builder().add("b", ParameterType.BIAS, Nd4j.createFromArray(g)).build();
            optimizer.step(params, gradients, optimizer.init(params));
            updates[run] = params.value(0).toDoubleVector();
        }
        for (int i = 0; i < 4; i++) {
            double v = 0.001 * g[i] * g[i];
            assertEquals(Math.sqrt(v + 1e-23) / Math.sqrt(v + 1.0), updates[1][i] / updates[0][i], 1e-12, "entry " + i);
        }
        BadInputException e = assertThrows(BadInputException.class, () -> ReferenceOptimizers.create("sketchy",
                find("sketchy").defaultHyperParameters().with(Map.of("graft_epsilon", -1.0)), 10));
        assertTrue(e.getMessage().contains("graft_epsilon"), e.getMessage());
    }

    @Test
    void badValuesNameTheHyperparameter() {
        BadInputException e = assertThrows(BadInputException.class, () -> ReferenceOptimizers.create("sketchy",
                find("sketchy").defaultHyperParameters().with(Map.of("rank", 0)), 10));
        assertEquals("hyperparameter 'rank' must be a whole number >= 1, got 0", e.getMessage());
        e = assertThrows(BadInputException.class, () -> ReferenceOptimizers.create("shampoo",
                find("shampoo").defaultHyperParameters().with(Map.of("matrix_epsilon", 0.0)), 10));
        assertTrue(e.getMessage().contains("matrix_epsilon"), e.getMessage());
    }
}
