package org.optbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.harness.jar.JarFixtures;
import org.optbench.results.records.EvalRow;
import org.optbench.results.records.StopReason;
import org.optbench.results.records.TrialRecords;
import org.optbench.results.records.TrialResult;

/**
 * The optimizer author's round trip with the template project: build its jar from submissions/template, check it,
 * run it on {@code quadratic} in a forked trial JVM.
 */
class TemplateRoundTripTest {
    @Test
    void theTemplateJarChecksCleanAndTrainsQuadratic(@TempDir Path work) {
        Path jar = JarFixtures.templateJar(work);
        CliTestSupport.Result check = CliTestSupport.run("check", jar.toString());
        assertEquals(0, check.exitCode(), check.out() + check.err());

        Path out = work.resolve("runs");
        CliTestSupport.Result run = CliTestSupport.run("run", "--workload", "quadratic", "--submission",
                jar.toString(), "--out", out.toString(), "--seed", "1", "--budget-seconds", "3");
        assertEquals(0, run.exitCode(), run.err());
        Path trialDir = out.resolve("lion/study_0/quadratic/trial_1");
        assertTrue(run.out().contains(trialDir.toString()), run.out());
        TrialResult result = TrialRecords.read(trialDir);
        assertEquals("lion", result.record().submission());
        assertEquals(null, result.record().failure());
        List<EvalRow> evals = result.evals();
        assertTrue(evals.size() >= 2, "evaluations: " + evals.size());
        double first = evals.get(0).validation("mse");
        double best = evals.stream().mapToDouble(e -> e.validation("mse")).min().orElseThrow();
        System.out.printf("lion on quadratic: %d steps, validation mse %.5f after step 1, best %.5f%n",
                result.record().steps(), first, best);
        // The data are y = x.w* + 0.5 + N(0, 0.1^2) with w*'s signal variance 1 (QuadraticProblem): a fresh model
        // (small random kernel, zero bias) has an mse of about 1 + 0.5^2 + 0.01 plus its own kernel's variance, well
        // above 0.8; the best achievable is the noise variance 0.01 (plus about 0.01 * d/n = 0.00016).
        assertTrue(first > 0.8, "first validation mse " + first);
        assertTrue(best < 0.02, "Lion's default point gets within 2x of the noise floor 0.01; best " + best);
        if (result.record().validationTarget() > 0) {
            // Once quadratic's target is calibrated, the default point must reach it.
            assertTrue(result.record().reachedValidationTarget(), "target " + result.record().validationTarget());
            assertEquals(StopReason.TARGETS_REACHED, result.record().stopReason());
        }
    }
}
