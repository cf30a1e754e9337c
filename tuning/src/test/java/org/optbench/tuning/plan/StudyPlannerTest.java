package org.optbench.tuning.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.optbench.api.BadInputException;
import org.optbench.tuning.plan.Ruleset.Kind;
import org.optbench.tuning.search.QuasiRandomSearch;
import org.optbench.tuning.search.RangeSpace;
import org.optbench.tuning.search.SearchSpace;
import org.optbench.tuning.search.SearchSpaceReader;

class StudyPlannerTest {

    private static final List<WorkloadBudget> WORKLOADS = List.of(
            new WorkloadBudget("mnist_mlp", 60.0), new WorkloadBudget("cifar_cnn", 240.0));

    @Test
    void anExternalStudyMatchesTheReferenceScriptEndToEnd() {
        // algoperf_halton_reference.py "== plan": experiment seed 42, adamw, mnist_mlp, study 1 of the NAdamW space.
        Ruleset ruleset = Ruleset.preset("algoperf-v0.6", Kind.EXTERNAL);
        StudyPlan plan = StudyPlanner.planExternal("adamw", WORKLOADS, ruleset, nadamw(), 42);
        List<TrialSpec> study1 = plan.study(1).stream().filter(t -> t.workload().equals("mnist_mlp")).toList();
        assertEquals(5, study1.size());
        long[] seeds = {1546528418088379355L, 928153735802498628L, 6851047544184900661L, 5447186483318745997L,
            4080843156355523353L};
        double[] learningRates = {0.00019766560226064676, 0.00010054778177688589, 0.0019814680146414726,
            0.0002366315233112939, 0.0009554263254837416};
        double[] weightDecays = {0.012300240728935494, 0.012638327613865154, 0.010340635370188849,
            0.358796133013872, 0.01950318659958426};
        for (int k = 0; k < 5; k++) {
            TrialSpec t = study1.get(k);
            assertEquals(k + 1, t.trial());
            assertEquals(seeds[k], t.seed());
            assertEquals(learningRates[k], (Double) t.hyperparameters().get("learning_rate"), Math.ulp(learningRates[k]));
            assertEquals(weightDecays[k], (Double) t.hyperparameters().get("weight_decay"), Math.ulp(weightDecays[k]));
            assertEquals("algoperf-v0.6", t.ruleset());
            assertEquals(Kind.EXTERNAL, t.tuning());
        }
    }

    @Test
    void externalPlansAreStudiesTimesWorkloadsTimesTrialsInOrderWithFullBudgets() {
        Ruleset ruleset = Ruleset.preset("algoperf-v0.6", Kind.EXTERNAL);
        StudyPlan plan = StudyPlanner.planExternal("adamw", WORKLOADS, ruleset, nadamw(), 42);
        assertEquals(3 * 2 * 5, plan.trials().size());
        int i = 0;
        for (int study = 0; study < 3; study++) {
            for (WorkloadBudget w : WORKLOADS) {
                for (int trial = 1; trial <= 5; trial++) {
                    TrialSpec t = plan.trials().get(i++);
                    assertEquals(List.of(study, w.workload(), trial), List.of(t.study(), t.workload(), t.trial()));
                    assertEquals(w.budgetSeconds(), t.budgetSeconds(), "every external trial has the full budget");
                }
            }
        }
        assertEquals(nadamw().source(), plan.searchSpace());
        Set<Long> seeds = new HashSet<>();
        plan.trials().forEach(t -> seeds.add(t.seed()));
        assertEquals(plan.trials().size(), seeds.size(), "no two trials share a seed");
    }

    @Test
    void everyStudyOfAWorkloadDrawsTheSameSetInItsOwnOrder() {
        SearchSpace space = nadamw();
        StudyPlan plan = StudyPlanner.planExternal("adamw", WORKLOADS, Ruleset.preset("algoperf-v0.6", Kind.EXTERNAL),
                space, 42);
        Set<Map<String, Object>> halton = new HashSet<>(QuasiRandomSearch.drawInSequenceOrder((RangeSpace) space, 5));
        Set<List<Map<String, Object>>> orders = new HashSet<>();
        for (int study = 0; study < 3; study++) {
            List<Map<String, Object>> points = plan.study(study).stream()
                    .filter(t -> t.workload().equals("cifar_cnn")).map(TrialSpec::hyperparameters).toList();
            assertEquals(halton, new HashSet<>(points));
            orders.add(points);
        }
        assertEquals(3, orders.size(), "the studies' orders differ");
    }

    @Test
    void selfTuningGetsExactlyTheRulesetsFactorAndOneTrialPerStudy() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("learning_rate", 0.001);
        StudyPlan v05 = StudyPlanner.planSelfTuning("adamw", WORKLOADS, Ruleset.preset("algoperf-v0.5", Kind.SELF_TUNING),
                defaults, 42);
        assertEquals(5 * 2, v05.trials().size());
        for (TrialSpec t : v05.trials()) {
            assertEquals(1, t.trial());
            assertEquals(t.workload().equals("mnist_mlp") ? 180.0 : 720.0, t.budgetSeconds());
            assertEquals(Map.of("learning_rate", 0.001), t.hyperparameters());
            assertEquals(Kind.SELF_TUNING, t.tuning());
        }
        assertNull(v05.searchSpace());
        StudyPlan v06 = StudyPlanner.planSelfTuning("adamw", WORKLOADS, Ruleset.preset("algoperf-v0.6", Kind.SELF_TUNING),
                null, 42);
        assertEquals(3 * 2, v06.trials().size());
        assertEquals(90.0, v06.onWorkload("mnist_mlp").get(0).budgetSeconds());
        assertEquals(360.0, v06.onWorkload("cifar_cnn").get(2).budgetSeconds());
        assertTrue(v06.trials().get(0).hyperparameters().isEmpty());
    }

    @Test
    void overridesOfStudiesAndTrialsAreHonoured() {
        Ruleset ruleset = Ruleset.preset("local", Kind.EXTERNAL).withStudies(2).withTrialsPerStudy(4);
        StudyPlan plan = StudyPlanner.planExternal("adamw", WORKLOADS.subList(0, 1), ruleset, nadamw(), 7);
        assertEquals(8, plan.trials().size());
        assertEquals(4, plan.study(1).size());
    }

    @Test
    void aListSpaceWithFewerPointsThanTrialsGivesEveryStudyThosePoints() {
        SearchSpace list = SearchSpaceReader.parse("[{\"lr\": 0.1}, {\"lr\": 0.01}]", "two_points.json");
        StudyPlan plan = StudyPlanner.planExternal("adamw", WORKLOADS, Ruleset.preset("algoperf-v0.5", Kind.EXTERNAL),
                list, 1);
        assertEquals(2, plan.ruleset().trialsPerStudy());
        assertEquals(5 * 2 * 2, plan.trials().size());
        assertEquals(List.of(0.1, 0.01), plan.study(4).stream().filter(t -> t.workload().equals("cifar_cnn"))
                .map(t -> t.hyperparameters().get("lr")).toList());
    }

    @Test
    void aTrialSpecCannotBeChangedByWhoeverHoldsIt() {
        Map<String, Object> defaults = new HashMap<>(Map.of("learning_rate", 0.001));
        StudyPlan plan = StudyPlanner.planSelfTuning("adamw", WORKLOADS, Ruleset.preset("local", Kind.SELF_TUNING),
                defaults, 42);
        TrialSpec t = plan.trials().get(0);
        assertThrows(UnsupportedOperationException.class, () -> t.hyperparameters().put("learning_rate", 1.0));
        assertThrows(UnsupportedOperationException.class, () -> plan.trials().add(t));
        defaults.put("learning_rate", 5.0);
        assertEquals(0.001, t.hyperparameters().get("learning_rate"), "the spec copied its point");
        assertEquals(0.001, t.hyperParameters().getDouble("learning_rate"));
    }

    @Test
    void aPlanRejectsUnfairOrForeignTrials() {
        Ruleset ruleset = Ruleset.preset("local", Kind.EXTERNAL);
        TrialSpec a = new TrialSpec("adamw", "mnist_mlp", "local", Kind.EXTERNAL, 0, 1, Map.of(), 1, 60.0);
        TrialSpec cheaper = new TrialSpec("adamw", "mnist_mlp", "local", Kind.EXTERNAL, 0, 2, Map.of(), 2, 30.0);
        assertEquals("study plan: trial adamw/study_0/mnist_mlp/trial_2 has budget 30.0 s, but other trials on "
                + "mnist_mlp have 60.0 s",
                assertThrows(BadInputException.class, () -> new StudyPlan("adamw", ruleset, 1, null, List.of(a, cheaper)))
                        .getMessage());
        TrialSpec foreign = new TrialSpec("nadamw", "mnist_mlp", "local", Kind.EXTERNAL, 0, 2, Map.of(), 2, 60.0);
        assertThrows(BadInputException.class, () -> new StudyPlan("adamw", ruleset, 1, null, List.of(a, foreign)));
        TrialSpec beyond = new TrialSpec("adamw", "mnist_mlp", "local", Kind.EXTERNAL, 0, 4, Map.of(), 2, 60.0);
        assertThrows(BadInputException.class, () -> new StudyPlan("adamw", ruleset, 1, null, List.of(a, beyond)));
        assertThrows(BadInputException.class, () -> new StudyPlan("adamw", ruleset, 1, null, List.of(a, a)));
    }

    @Test
    void plannerInputsAreChecked() {
        Ruleset self = Ruleset.preset("local", Kind.SELF_TUNING);
        assertEquals("ruleset local is self-tuning; this plan needs a ruleset of kind external",
                assertThrows(BadInputException.class,
                        () -> StudyPlanner.planExternal("adamw", WORKLOADS, self, nadamw(), 1)).getMessage());
        Ruleset external = Ruleset.preset("local", Kind.EXTERNAL);
        assertThrows(BadInputException.class, () -> StudyPlanner.planExternal("adamw", WORKLOADS, external, null, 1));
        assertThrows(BadInputException.class, () -> StudyPlanner.planExternal("adamw", List.of(), external, nadamw(), 1));
        assertThrows(BadInputException.class, () -> StudyPlanner.planExternal("adamw",
                List.of(WORKLOADS.get(0), WORKLOADS.get(0)), external, nadamw(), 1));
        assertThrows(BadInputException.class, () -> new WorkloadBudget("mnist_mlp", 0));
        assertThrows(BadInputException.class, () -> new WorkloadBudget("mnist_mlp", Double.POSITIVE_INFINITY));
    }

    private static SearchSpace nadamw() {
        try {
            return SearchSpaceReader.read(Path.of(StudyPlannerTest.class
                    .getResource("/algoperf/nadamw_tuning_search_space.json").toURI()));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
