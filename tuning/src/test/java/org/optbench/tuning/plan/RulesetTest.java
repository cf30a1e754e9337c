package org.optbench.tuning.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.optbench.api.BadInputException;
import org.optbench.tuning.plan.Ruleset.Kind;

class RulesetTest {

    @Test
    void presetsFollowAlgoPerfsRules() {
        assertEquals(new Ruleset("algoperf-v0.5", Kind.EXTERNAL, 5, 5, 1.0), Ruleset.preset("algoperf-v0.5", Kind.EXTERNAL));
        assertEquals(new Ruleset("algoperf-v0.5", Kind.SELF_TUNING, 5, 1, 3.0),
                Ruleset.preset("algoperf-v0.5", Kind.SELF_TUNING));
        assertEquals(new Ruleset("algoperf-v0.6", Kind.EXTERNAL, 3, 5, 1.0), Ruleset.preset("algoperf-v0.6", Kind.EXTERNAL));
        assertEquals(new Ruleset("algoperf-v0.6", Kind.SELF_TUNING, 3, 1, 1.5),
                Ruleset.preset("algoperf-v0.6", Kind.SELF_TUNING));
        assertEquals(new Ruleset("local", Kind.EXTERNAL, 1, 3, 1.0), Ruleset.preset(Ruleset.DEFAULT_PRESET, Kind.EXTERNAL));
        assertEquals(new Ruleset("local", Kind.SELF_TUNING, 1, 1, 1.0), Ruleset.preset("local", Kind.SELF_TUNING));
    }

    @Test
    void anUnknownPresetListsTheKnownOnes() {
        BadInputException e = assertThrows(BadInputException.class, () -> Ruleset.preset("algoperf-v0.7", Kind.EXTERNAL));
        assertEquals("unknown ruleset 'algoperf-v0.7' (known: algoperf-v0.5, algoperf-v0.6, local)", e.getMessage());
    }

    @Test
    void selfTuningMultipliesTheBudgetAndExternalGivesItWhole() {
        assertEquals(300.0, Ruleset.preset("algoperf-v0.5", Kind.SELF_TUNING).trialBudgetSeconds(100.0));
        assertEquals(150.0, Ruleset.preset("algoperf-v0.6", Kind.SELF_TUNING).trialBudgetSeconds(100.0));
        assertEquals(100.0, Ruleset.preset("algoperf-v0.6", Kind.EXTERNAL).trialBudgetSeconds(100.0));
    }

    @Test
    void overridesKeepTheRules() {
        Ruleset external = Ruleset.preset("algoperf-v0.6", Kind.EXTERNAL).withStudies(2).withTrialsPerStudy(7);
        assertEquals(new Ruleset("algoperf-v0.6", Kind.EXTERNAL, 2, 7, 1.0), external);
        Ruleset self = Ruleset.preset("algoperf-v0.6", Kind.SELF_TUNING);
        assertEquals("ruleset 'algoperf-v0.6': self-tuning runs exactly 1 trial per study, got 3",
                assertThrows(BadInputException.class, () -> self.withTrialsPerStudy(3)).getMessage());
        assertThrows(BadInputException.class, () -> external.withStudies(0));
        assertThrows(BadInputException.class, () -> external.withTrialsPerStudy(0));
        assertEquals("ruleset 'x': external tuning gives every trial the full budget (factor 1), got 2.0",
                assertThrows(BadInputException.class, () -> new Ruleset("x", Kind.EXTERNAL, 1, 1, 2.0)).getMessage());
        assertThrows(BadInputException.class, () -> new Ruleset("x", Kind.SELF_TUNING, 1, 1, 0.0));
        assertThrows(BadInputException.class, () -> new Ruleset("x", Kind.SELF_TUNING, 1, 1, Double.NaN));
    }

    @Test
    void kindsParseFromWhatUsersTypeAndNameAlgoPerfsDirectories() {
        assertEquals(Kind.EXTERNAL, Kind.parse("external"));
        assertEquals(Kind.SELF_TUNING, Kind.parse("self-tuning"));
        assertEquals(Kind.SELF_TUNING, Kind.parse("SELF_TUNING"));
        assertEquals("self_tuning", Kind.SELF_TUNING.directoryName());
        assertEquals("external_tuning", Kind.EXTERNAL.directoryName());
        assertEquals("unknown tuning ruleset kind 'internal', expected external or self-tuning",
                assertThrows(BadInputException.class, () -> Kind.parse("internal")).getMessage());
    }
}
