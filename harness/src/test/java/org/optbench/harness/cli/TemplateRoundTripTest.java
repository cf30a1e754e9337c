package org.optbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
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
    void theTemplateJarChecksCleanAndTrainsQuadratic(@TempDir Path work) throws IOException {
        Path jar = JarFixtures.templateJar(work);
        CliTestSupport.Result check = CliTestSupport.run("check", jar.toString());
        assertEquals(0, check.exitCode(), check.out() + check.err());

        Path out = work.resolve("runs");
        // The well-conditioned variant, with a budget well above the time its target takes (the trial stops there):
        // a loaded machine slows the steps, not the outcome.
        // A point of the template's search space for this problem, as the template's README tunes it.
        Path hparams = work.resolve("lion.json");
        Files.writeString(hparams, "{\"learning_rate\": 0.01, \"one_minus_beta1\": 0.1, \"beta2\": 0.99, "
                + "\"weight_decay\": 0.0, \"warmup_factor\": 0.05}");
        CliTestSupport.Result run = CliTestSupport.run("run", "--workload", "quadratic_cond1e2", "--submission",
                jar.toString(), "--hparams", hparams.toString(), "--out", out.toString(), "--seed", "1",
                "--budget-seconds", "10");
        assertEquals(0, run.exitCode(), run.err());
        Path trialDir = out.resolve("lion/study_0/quadratic_cond1e2/trial_1");
        assertTrue(run.out().contains(trialDir.toString()), run.out());
        TrialResult result = TrialRecords.read(trialDir);
        assertEquals("lion", result.record().submission());
        assertEquals(null, result.record().failure());
        List<EvalRow> evals = result.evals();
        assertTrue(evals.size() >= 2, "evaluations: " + evals.size());
        double first = evals.get(0).validation("mse");
        double best = evals.stream().mapToDouble(e -> e.validation("mse")).min().orElseThrow();
        System.out.printf("lion on quadratic_cond1e2: %d steps, validation mse %.5f after step 1, best %.5f%n",
                result.record().steps(), first, best);
        // The data are y = x.w* + 0.5 + N(0, 0.1^2) with w*'s signal variance 1 (QuadraticProblem): a fresh model
        // (small random kernel, zero bias) has an mse of about 1 + 0.5^2 + 0.01 plus its own kernel's variance, well
        // above 0.8; the best achievable is the noise variance 0.01 (plus about 0.01 * d/n = 0.00016).
        assertTrue(first > 0.8, "first validation mse " + first);
        assertTrue(best <= result.record().validationTarget(), "best " + best);
        assertTrue(result.record().reachedValidationTarget(), "target " + result.record().validationTarget());
        assertEquals(StopReason.TARGETS_REACHED, result.record().stopReason());
    }
}
