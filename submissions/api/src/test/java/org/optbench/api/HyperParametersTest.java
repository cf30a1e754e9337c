package org.optbench.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HyperParametersTest {

    private final HyperParameters hp = HyperParameters.of(orderedMap());

    private static Map<String, Object> orderedMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("learning_rate", 0.001);
        m.put("warmup_steps", 100);
        m.put("steps_as_double", 5.0);
        m.put("schedule", "cosine");
        m.put("nesterov", true);
        return m;
    }

    @Test
    void typedGetters() {
        assertEquals(0.001, hp.getDouble("learning_rate"));
        assertEquals(100, hp.getInt("warmup_steps"));
        assertEquals(100.0, hp.getDouble("warmup_steps"));
        assertEquals(5, hp.getInt("steps_as_double"));
        assertEquals("cosine", hp.getString("schedule"));
        assertEquals(true, hp.getBoolean("nesterov"));
        assertEquals(0.9, hp.getDouble("beta1", 0.9));
    }

    @Test
    void missingKeyIsOneLineNamingIt() {
        BadInputException e = assertThrows(BadInputException.class, () -> hp.getDouble("beta2"));
        assertEquals("missing hyperparameter 'beta2' (given: learning_rate, warmup_steps, steps_as_double, schedule, nesterov)",
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void mistypedKeyIsOneLineNamingIt() {
        assertEquals("hyperparameter 'schedule' must be a number, got the string \"cosine\"",
                assertThrows(BadInputException.class, () -> hp.getDouble("schedule")).getMessage());
        assertEquals("hyperparameter 'learning_rate' must be a whole number, got double 0.001",
                assertThrows(BadInputException.class, () -> hp.getInt("learning_rate")).getMessage());
        assertEquals("hyperparameter 'warmup_steps' must be true or false, got integer 100",
                assertThrows(BadInputException.class, () -> hp.getBoolean("warmup_steps")).getMessage());
    }
}
