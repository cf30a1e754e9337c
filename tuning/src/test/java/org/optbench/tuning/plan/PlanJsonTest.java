package org.optbench.tuning.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.api.BadInputException;
import org.optbench.tuning.plan.Ruleset.Kind;
import org.optbench.tuning.search.SearchSpaceReader;

class PlanJsonTest {

    @TempDir
    Path dir;

    private static StudyPlan externalPlan() {
        return StudyPlanner.planExternal("adamw",
                List.of(new WorkloadBudget("mnist_mlp", 60.0), new WorkloadBudget("mnist_mlp_tanh", 75.5)),
                Ruleset.preset("local", Kind.EXTERNAL),
                SearchSpaceReader.parse("{\"learning_rate\": {\"min\": 1e-4, \"max\": 1e-2, \"scaling\": \"log\"},"
                        + " \"warmup_steps\": {\"feasible_points\": [10, 20]},"
                        + " \"schedule\": {\"feasible_points\": [\"cosine\", \"linear\"]},"
                        + " \"nesterov\": {\"feasible_points\": [true, false]}}", "space.json"), 42);
    }

    @Test
    void aPlanRoundTripsWithItsValueTypes() throws Exception {
        StudyPlan plan = externalPlan();
        Path file = dir.resolve("plan.json");
        Files.writeString(file, PlanJson.toJson(plan));
        StudyPlan back = PlanJson.read(file);
        assertEquals(plan, back);
        Map<String, Object> hp = back.trials().get(0).hyperparameters();
        assertEquals(List.of("learning_rate", "warmup_steps", "schedule", "nesterov"), List.copyOf(hp.keySet()));
        assertTrue(hp.get("learning_rate") instanceof Double);
        assertTrue(hp.get("warmup_steps") instanceof Integer);
        assertTrue(hp.get("schedule") instanceof String);
        assertTrue(hp.get("nesterov") instanceof Boolean);
    }

    @Test
    void selfTuningPlansRoundTripToo() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("learning_rate", 0.001);
        StudyPlan plan = StudyPlanner.planSelfTuning("adamw", List.of(new WorkloadBudget("mnist_mlp", 60.0)),
                Ruleset.preset("algoperf-v0.6", Kind.SELF_TUNING), defaults, -3);
        assertEquals(plan, PlanJson.planFromJson(PlanJson.toJson(plan), "mem"));
    }

    @Test
    void theJsonIsSnakeCase() {
        String text = PlanJson.toJson(externalPlan());
        for (String field : List.of("\"format\"", "\"experiment_seed\"", "\"search_space\"", "\"trials_per_study\"",
                "\"budget_factor\"", "\"budget_seconds\"", "\"hyperparameters\"", "\"tuning\": \"external\"")) {
            assertTrue(text.contains(field), field);
        }
        assertFalse(text.contains("budgetSeconds"));
    }

    @Test
    void oneTrialSpecRoundTrips() {
        TrialSpec spec = externalPlan().trials().get(4);
        assertEquals(spec, PlanJson.trialFromJson(PlanJson.toJson(spec), "trial.json"));
    }

    @Test
    void mistakesInAPlanFileNameTheFileAndTheField() {
        String good = PlanJson.toJson(externalPlan());
        assertBad(good.replaceFirst("\"seed\": \\d+,", ""), "plan.json: missing field 'trials[0].seed'");
        assertBad(good.replaceFirst("\"study\": 0", "\"study\": \"zero\""),
                "plan.json: field 'trials[0].study' must be a whole number, got the string \"zero\"");
        assertBad(good.replace("optbench-study-plan", "something-else"),
                "plan.json: format is 'something-else', expected 'optbench-study-plan'");
        assertBad(good.replaceFirst("\"kind\": \"external\"", "\"kind\": \"internal\""),
                "plan.json: unknown tuning ruleset kind 'internal', expected external or self-tuning");
        assertBad(good.replaceFirst("\"budget_seconds\": 60.0", "\"budget_seconds\": 600.0"),
                "plan.json: study plan: trial adamw/study_0/mnist_mlp/trial_2 has budget 60.0 s, but other trials "
                        + "on mnist_mlp have 600.0 s");
        assertBad(good.replaceFirst("\"budget_seconds\": 60.0", "\"budget_seconds\": -1"),
                "plan.json: trials[0]: trial spec: budget_seconds must be a positive number, got -1.0");
        assertBad("{\"format\": ", null);
        assertEquals(dir.resolve("none.json") + ": no such file",
                assertThrows(BadInputException.class, () -> PlanJson.read(dir.resolve("none.json"))).getMessage());
    }

    private static void assertBad(String json, String message) {
        BadInputException e = assertThrows(BadInputException.class, () -> PlanJson.planFromJson(json, "plan.json"));
        if (message != null) {
            assertEquals(message, e.getMessage());
        } else {
            assertTrue(e.getMessage().startsWith("plan.json: not valid JSON"), e.getMessage());
        }
        assertFalse(e.getMessage().contains("\n"));
    }
}
