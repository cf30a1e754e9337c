package org.optbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.harness.jar.JarFixtures;
import org.optbench.results.records.TrialRecords;

/**
 * Every command that runs a jar checks it the same way, through the one study layer: {@code run}, {@code tune} and
 * {@code leaderboard} refuse a jar that fails the check with the same line (exit code 2, nothing run), and all three
 * honour {@code --allow-unchecked} alike. Before, {@code leaderboard --submissions x.jar} ran a jar that failed it.
 */
class CheckOnEveryPathTest {
    @TempDir
    Path work;

    /** A jar that trains plainly but breaks a rule (it reads a system property). */
    private Path jar() {
        return JarFixtures.submissionJar(work, "breaks.jar", "rules.Breaks",
                "context.lossAndGradients(); if (System.getProperty(\"nothing.here\") != null) { return; }", "");
    }

    private List<List<String>> commands(Path jar, Path out) {
        List<String> budget = List.of("--budget-seconds", "0.5");
        List<List<String>> commands = new ArrayList<>();
        commands.add(concat(List.of("run", "--workload", "quadratic", "--submission", jar.toString(), "--out",
                out.resolve("run").toString()), budget));
        commands.add(concat(List.of("tune", "--submission", jar.toString(), "--ruleset", "self-tuning",
                "--workloads", "quadratic", "--out", out.resolve("tune").toString()), budget));
        commands.add(concat(List.of("leaderboard", "--submissions", jar.toString(), "--ruleset", "self-tuning",
                "--workloads", "quadratic", "--out", out.resolve("leaderboard").toString()), budget));
        return commands;
    }

    @Test
    void runTuneAndLeaderboardRefuseAJarThatFailsTheCheckWithTheSameLine() throws Exception {
        Path jar = jar();
        Path out = work.resolve("refused");
        List<String> lines = new ArrayList<>();
        for (List<String> command : commands(jar, out)) {
            CliTestSupport.Result r = CliTestSupport.run(command.toArray(String[]::new));
            assertEquals(2, r.exitCode(), command.get(0) + ": " + r.out() + r.err());
            String err = r.err().strip();
            assertFalse(err.contains("\n"), command.get(0) + ": more than one line: " + err);
            assertTrue(err.startsWith("optbench: breaks.jar fails the check: ") && err.contains("[properties]")
                    && err.contains("or run it anyway with --allow-unchecked"), command.get(0) + ": " + err);
            lines.add(err);
        }
        assertEquals(1, lines.stream().distinct().count(), "the three commands refuse with one line: " + lines);
        assertFalse(Files.exists(out) && TrialRecords.findComplete(out).size() > 0, "nothing ran");
    }

    @Test
    void allowUncheckedIsHonouredTheSameWayByAllThree() {
        Path jar = jar();
        Path out = work.resolve("allowed");
        for (List<String> command : commands(jar, out)) {
            List<String> allowed = concat(command, List.of("--allow-unchecked"));
            CliTestSupport.Result r = CliTestSupport.run(allowed.toArray(String[]::new));
            assertEquals(0, r.exitCode(), command.get(0) + ": " + r.out() + r.err());
            Path records = out.resolve(command.get(0));
            assertEquals(1, TrialRecords.findComplete(records).size(), command.get(0) + " ran its one trial");
            assertEquals("breaks", TrialRecords.readAll(records).get(0).record().submission());
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
