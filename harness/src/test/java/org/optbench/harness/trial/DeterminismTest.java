package org.optbench.harness.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.harness.launch.InProcessTrial;
import org.optbench.harness.launch.TrialRequest;
import org.optbench.harness.launch.TrialSettings;
import org.optbench.results.records.EvalRow;
import org.optbench.results.records.TrialRecords;
import org.optbench.tuning.plan.Ruleset;
import org.optbench.tuning.plan.TrialSpec;

/**
 * The same seed gives the same trajectory on the CPU backend. The eval period is 0, so every step is evaluated and
 * the rows do not depend on the wall clock; the budget is fixed at a step count's worth by stopping at the target
 * being irrelevant: we compare the common prefix of steps, which must be identical value for value.
 */
class DeterminismTest {

    @Test
    void sameSeedGivesIdenticalEvaluationRows(@TempDir Path dir) {
        // An evaluation after every step, each over 30,000 digits (train subset, validation, test): a quarter of a
        // second of submission time gives about a hundred of them, enough to compare.
        List<EvalRow> first = run(dir.resolve("a"), 11, 0.25);
        List<EvalRow> second = run(dir.resolve("b"), 11, 0.25);
        List<EvalRow> otherSeed = run(dir.resolve("c"), 12, 0.02);
        int common = Math.min(first.size(), second.size());
        assertTrue(common >= 20, "too few evaluations to compare: " + common);
        for (int i = 0; i < common; i++) {
            assertEquals(first.get(i).globalStep(), second.get(i).globalStep());
            assertEquals(first.get(i).metrics(), second.get(i).metrics(), "evaluation " + i);
        }
        assertNotEquals(first.get(1).metrics(), otherSeed.get(1).metrics(), "another seed, another trajectory");
    }

    private static List<EvalRow> run(Path trialDir, long seed, double budgetSeconds) {
        TrialSpec spec = new TrialSpec("adamw", "mnist_mlp", "single", Ruleset.Kind.SELF_TUNING, 0, 1,
                Map.of("learning_rate", 0.001, "one_minus_beta1", 0.1, "beta2", 0.999, "weight_decay", 0.0,
                        "warmup_factor", 0.05), seed, budgetSeconds);
        // The wall clock: in this test's JVM the CPU clock would charge its other threads (surefire's, a parallel
        // collector) to the trial; what is compared is the trajectory, whatever the clock.
        TrialRequest request = new TrialRequest(spec, TrialSettings.defaults().withEvalPeriodSeconds(0.0)
                .withClock(ClockKind.WALL));
        InProcessTrial.run(request, trialDir, TrialListener.NONE);
        return TrialRecords.read(trialDir).evals();
    }
}
