package org.optbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each user mistake is one line naming it, exit code 2, and no record left behind. */
class BadInputTest {
    @TempDir
    Path dir;

    private CliTestSupport.Result run(String... args) {
        return CliTestSupport.run(args);
    }

    private static void assertOneLine(CliTestSupport.Result r, String... fragments) {
        assertEquals(2, r.exitCode(), r.err());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), "more than one line: " + err);
        assertFalse(err.contains("Exception"), "a stack trace or exception name: " + err);
        for (String f : fragments) {
            assertTrue(err.contains(f), "'" + f + "' missing from: " + err);
        }
    }

    private void assertNoRecords(Path out) throws IOException {
        if (!Files.exists(out)) {
            return;
        }
        try (Stream<Path> files = Files.walk(out)) {
            assertEquals(0, files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".log")).count(),
                    "records were left in " + out);
        }
    }

    @Test
    void unknownWorkload() throws IOException {
        Path out = dir.resolve("runs");
        assertOneLine(run("run", "--workload", "cifar_vit", "--submission", "adamw", "--out", out.toString()),
                "unknown workload 'cifar_vit'", "mnist_mlp");
        assertNoRecords(out);
    }

    @Test
    void unknownSubmission() throws IOException {
        Path out = dir.resolve("runs");
        assertOneLine(run("run", "--workload", "quadratic", "--submission", "lion", "--out", out.toString()),
                "unknown submission 'lion'", "adamw");
        assertNoRecords(out);
    }

    @Test
    void malformedHyperParameterJson() throws IOException {
        Path hparams = dir.resolve("hp.json");
        Files.writeString(hparams, "{\"learning_rate\": 0.001,\n \"beta2\": }");
        Path out = dir.resolve("runs");
        assertOneLine(run("run", "--workload", "quadratic", "--submission", "adamw", "--hparams", hparams.toString(),
                "--out", out.toString()), "hp.json", "line 2");
        assertNoRecords(out);
    }

    @Test
    void misspeltHyperParameterNamesTheKnownOnesUnlessAllowed() throws IOException {
        Path hparams = dir.resolve("hp.json");
        Files.writeString(hparams, "{\"learnig_rate\": 0.01}");
        Path out = dir.resolve("runs");
        assertOneLine(run("run", "--workload", "quadratic", "--submission", "adamw", "--hparams", hparams.toString(),
                "--budget-seconds", "0.5", "--out", out.toString()), "hyperparameter file '" + hparams + "'",
                "unknown hyperparameter 'learnig_rate' for adamw; known: beta2, data_selection_pool, epsilon, "
                        + "learning_rate, one_minus_beta1, warmup_factor, weight_decay (or pass "
                        + "--allow-unknown-hparams)");
        assertNoRecords(out);
        CliTestSupport.Result allowed = run("run", "--workload", "quadratic", "--submission", "adamw", "--hparams",
                hparams.toString(), "--budget-seconds", "0.5", "--allow-unknown-hparams", "--out", out.toString());
        assertEquals(0, allowed.exitCode(), allowed.err());
        // an optional hyperparameter (Submission.optionalHyperParameters) is known without being in the default point
        Path optional = dir.resolve("optional.json");
        Files.writeString(optional, "{\"data_selection_pool\": 2}");
        CliTestSupport.Result known = run("run", "--workload", "quadratic", "--submission", "adamw", "--hparams",
                optional.toString(), "--budget-seconds", "0.5", "--out", out.toString());
        assertEquals(0, known.exitCode(), known.err());
    }

    @Test
    void missingBudgetsDirectoryAndUnknownHardwareClass() throws IOException {
        Path out = dir.resolve("runs");
        Path missing = dir.resolve("nonexistent");
        assertOneLine(run("run", "--workload", "quadratic", "--submission", "adamw", "--budgets-dir",
                missing.toString(), "--out", out.toString()), "--budgets-dir " + missing + " is not a directory");
        assertOneLine(run("run", "--workload", "quadratic", "--submission", "adamw", "--hardware-class", "foo",
                "--out", out.toString()), "unknown hardware class 'foo'; known: cpu-2core (shipped)");
        assertOneLine(run("tune", "--submission", "adamw", "--workloads", "quadratic", "--hardware-class", "foo",
                "--out", out.toString()), "unknown hardware class 'foo'");
        assertNoRecords(out);
    }

    @Test
    void unwritableOutputDirectory() throws IOException {
        Path file = dir.resolve("not-a-dir");
        Files.writeString(file, "x");
        assertOneLine(run("run", "--workload", "quadratic", "--submission", "adamw", "--out",
                file.resolve("runs").toString()), "not-a-dir");
    }

    @Test
    void unknownOption() {
        assertOneLine(run("run", "--workload", "quadratic", "--submission", "adamw", "--budget", "3"),
                "--budget");
    }

    @Test
    void badTrialLimits() throws IOException {
        Path out = dir.resolve("runs");
        assertOneLine(run("run", "--workload", "quadratic", "--submission", "adamw", "--trial-max-heap", "lots",
                "--out", out.toString()), "heap limit 'lots' is not a size such as 512m or 2g");
        assertOneLine(run("run", "--workload", "quadratic", "--submission", "adamw", "--stall-seconds", "0",
                "--out", out.toString()), "--stall-seconds must be at least 1, got 0");
        assertOneLine(run("run", "--workload", "quadratic", "--submission", "adamw", "--submission-class", "x.Y",
                "--out", out.toString()), "--submission-class applies to a jar, not to the built-in 'adamw'");
        assertNoRecords(out);
    }

    @Test
    void slurmOptionsWithoutTheSlurmExecutor() throws IOException {
        Path out = dir.resolve("study");
        assertOneLine(run("tune", "--submission", "adamw", "--workloads", "quadratic", "--out", out.toString(),
                "--gres", "gpu:1"), "--gres", "need --executor slurm");
        assertNoRecords(out);
    }

    @Test
    void slurmGresAndExclusiveTogether() throws IOException {
        Path out = dir.resolve("study");
        assertOneLine(run("tune", "--submission", "adamw", "--workloads", "quadratic", "--out", out.toString(),
                "--executor", "slurm", "--gres", "gpu:1", "--exclusive"), "--gres and --exclusive");
        assertNoRecords(out);
    }

    @Test
    void sbatchArgThatIsNotOneToken() throws IOException {
        Path out = dir.resolve("study");
        assertOneLine(run("tune", "--submission", "adamw", "--workloads", "quadratic", "--out", out.toString(),
                "--executor", "slurm", "--sbatch-arg", "--mem 8G"), "--sbatch-arg", "'--mem 8G'");
        assertNoRecords(out);
    }
}
