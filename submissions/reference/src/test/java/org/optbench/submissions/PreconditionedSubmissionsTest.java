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
import org.optbench.api.Submission;

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
    void badValuesNameTheHyperparameter() {
        BadInputException e = assertThrows(BadInputException.class, () -> ReferenceOptimizers.create("sketchy",
                find("sketchy").defaultHyperParameters().with(Map.of("rank", 0)), 10));
        assertEquals("hyperparameter 'rank' must be a whole number >= 1, got 0", e.getMessage());
        e = assertThrows(BadInputException.class, () -> ReferenceOptimizers.create("shampoo",
                find("shampoo").defaultHyperParameters().with(Map.of("matrix_epsilon", 0.0)), 10));
        assertTrue(e.getMessage().contains("matrix_epsilon"), e.getMessage());
    }
}
