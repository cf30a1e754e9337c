package org.optbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.results.records.StopReason;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialRecords;
import org.optbench.results.records.TrialResult;

/**
 * {@code leaderboard} and {@code calibrate} on the real single-node Slurm cluster ({@code cluster/slurm-local-up.sh},
 * started by {@code .ci/run}): the same study layer, the same serialised trial requests as the local executor, so
 * the same records and scores; a trial that reaches both targets stops there on both executors, and calibration's
 * trials run past them on both. Skipped, saying so, without a cluster, unless {@code OPTBENCH_REQUIRE_SLURM=1}.
 */
class LeaderboardOnSlurmTest {
    @TempDir
    static Path dir;

    private static String noCluster;

    @BeforeAll
    static void findTheCluster() {
        TuneOnSlurmTest.Shell sinfo = TuneOnSlurmTest.Shell.run("sinfo", "--noheader", "--format=%t");
        if (sinfo.exitCode() != 0 || !sinfo.out().matches("(?s).*\\b(idle|mix|alloc)\\b.*")) {
            noCluster = "no Slurm cluster up (sinfo exit " + sinfo.exitCode() + "); start one with "
                    + "cluster/slurm-local-up.sh (as root)";
            if ("1".equals(System.getenv("OPTBENCH_REQUIRE_SLURM"))) {
                fail("OPTBENCH_REQUIRE_SLURM=1 but " + noCluster);
            }
            System.err.println("LeaderboardOnSlurmTest skipped: " + noCluster);
        }
    }

    private static CliTestSupport.Result cli(List<String> args) {
        CliTestSupport.Result r = CliTestSupport.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), "optbench " + String.join(" ", args) + "\n" + r.out() + r.err());
        return r;
    }

    private static List<String> leaderboard(Path out, String... extra) {
        // The test submission's default point reaches quadratic's targets in well under the budget; adamw's does
        // not: one submission's trials stop at their targets, the other's at their budget.
        List<String> args = new ArrayList<>(List.of("leaderboard", "--workloads", "quadratic",
                "--submissions", "adamw," + QuadraticAdamW.NAME, "--ruleset", "self-tuning", "--studies", "2",
                "--budget-seconds", "2", "--eval-period-seconds", "0.05", "--out", out.toString()));
        args.addAll(List.of(extra));
        return args;
    }

    @Test
    void theLeaderboardOnSlurmHasTheLocalExecutorsRecordsAndScoresAndStopsAtTheTargetsAsIt() {
        Assumptions.assumeTrue(noCluster == null, noCluster);
        Path local = dir.resolve("local");
        Path slurm = dir.resolve("slurm");
        CliTestSupport.Result onLocal = cli(leaderboard(local, "--jobs", "1"));
        CliTestSupport.Result onSlurm = cli(leaderboard(slurm, "--executor", "slurm", "--poll-seconds", "0.5"));
        assertTrue(onSlurm.err().contains("submitted Slurm job"), onSlurm.err());

        Map<String, TrialRecord> fromLocal = byTrial(local.resolve("self_tuning"));
        Map<String, TrialRecord> fromSlurm = byTrial(slurm.resolve("self_tuning"));
        assertEquals(4, fromSlurm.size());
        assertEquals(fromLocal.keySet(), fromSlurm.keySet());
        for (String trial : fromLocal.keySet()) {
            TrialRecord l = fromLocal.get(trial);
            TrialRecord s = fromSlurm.get(trial);
            assertEquals(l.hyperparameters(), s.hyperparameters(), trial);
            assertEquals(l.seed(), s.seed(), trial);
            assertEquals(l.budgetSeconds(), s.budgetSeconds(), trial);
            assertEquals(l.clock(), s.clock(), trial);
            assertEquals(l.stopReason(), s.stopReason(), trial + ": " + s.failure());
            StopReason expected = trial.startsWith(QuadraticAdamW.NAME) ? StopReason.TARGETS_REACHED
                    : StopReason.BUDGET;
            assertEquals(expected, s.stopReason(), trial);
        }
        // The scores: the test submission reaches on every study and adamw on none, on either executor.
        assertEquals(scores(onLocal.out()), scores(onSlurm.out()));
        assertEquals("1.0000", scores(onSlurm.out()).get(QuadraticAdamW.NAME));
        assertEquals("0.0000", scores(onSlurm.out()).get("adamw"));
    }

    @Test
    void calibrationOnSlurmRunsPastTheTargetsAndWritesTheBudget() throws Exception {
        Assumptions.assumeTrue(noCluster == null, noCluster);
        Path out = dir.resolve("calibrate");
        // One search trial (the test submission's search space is its one point, which reaches the target) and
        // one rerun of it.
        CliTestSupport.Result r = cli(List.of("calibrate", "--workload", "quadratic", "--baselines",
                QuadraticAdamW.NAME, "--trials", "1", "--seeds", "1", "--search-budget-seconds", "2",
                "--hardware-class", "cpu-slurm-test", "--executor", "slurm", "--poll-seconds", "0.5", "--out",
                out.toString()));
        assertTrue(r.err().contains("submitted Slurm job"), r.err());
        List<TrialResult> trials = TrialRecords.readAll(out);
        assertEquals(2, trials.size(), "one search trial and one rerun");
        for (TrialResult t : trials) {
            assertTrue(t.record().reachedValidationTarget(), t.record().toString());
            assertEquals(StopReason.BUDGET, t.record().stopReason(), "calibration trials run past the targets");
        }
        String table = Files.readString(out.resolve("budgets/cpu-slurm-test.json"));
        assertTrue(table.contains("\"quadratic\"") && table.contains("\"probe\""), table);
        assertFalse(r.out().isBlank());
    }

    private static Map<String, TrialRecord> byTrial(Path experiment) {
        Map<String, TrialRecord> byTrial = new TreeMap<>();
        for (TrialResult result : TrialRecords.readAll(experiment)) {
            TrialRecord r = result.record();
            byTrial.put(r.submission() + "/" + r.study() + "/" + r.workload() + "/" + r.trial(), r);
        }
        return byTrial;
    }

    /** The score column of the leaderboard's console lines, by submission. */
    private static Map<String, String> scores(String out) {
        Map<String, String> scores = new TreeMap<>();
        for (String line : out.lines().toList()) {
            String[] words = line.trim().split("\\s+");
            if (words.length >= 2 && (words[0].equals("adamw") || words[0].equals(QuadraticAdamW.NAME))) {
                scores.put(words[0], words[1]);
            }
        }
        return scores;
    }
}
