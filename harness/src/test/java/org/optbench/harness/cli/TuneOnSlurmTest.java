package org.optbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.harness.study.slurm.SlurmExecutor;
import org.optbench.results.records.EvalRow;
import org.optbench.results.records.StopReason;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialRecords;
import org.optbench.results.records.TrialResult;

/**
 * {@code optbench tune --executor slurm} against a real Slurm cluster: the single-node one that
 * {@code cluster/slurm-local-up.sh} starts (and {@code .ci/run} in CI), with two fake GPUs announced as gres.
 * Skipped, saying so, when no cluster answers {@code sinfo}; .ci/run sets {@code OPTBENCH_REQUIRE_SLURM=1} so that
 * a cluster that failed to come up fails the build instead.
 */
class TuneOnSlurmTest {
    private static final List<String> STUDY = List.of("--workloads", "quadratic", "--budget-seconds", "1.5",
            "--seed", "11");

    @TempDir
    static Path dir;

    /** Why the Slurm tests cannot run here, or null when a cluster with GPUs answers. */
    private static String noCluster;

    @BeforeAll
    static void findTheCluster() {
        Shell sinfo = Shell.run("sinfo", "--noheader", "--format=%t %G");
        if (sinfo.exitCode() != 0 || !sinfo.out().matches("(?s).*\\b(idle|mix|alloc)\\b.*")) {
            noCluster = "no Slurm cluster up (sinfo exit " + sinfo.exitCode() + ": " + sinfo.out().strip()
                    + "); start one with cluster/slurm-local-up.sh (as root)";
        } else if (!sinfo.out().contains("gpu")) {
            noCluster = "the Slurm cluster announces no gres/gpu (" + sinfo.out().strip()
                    + "); start it with cluster/slurm-local-up.sh (SLURM_CI_GPUS >= 2)";
        }
        if (noCluster != null && "1".equals(System.getenv("OPTBENCH_REQUIRE_SLURM"))) {
            fail("OPTBENCH_REQUIRE_SLURM=1 but " + noCluster);
        }
        if (noCluster != null) {
            System.err.println("TuneOnSlurmTest skipped: " + noCluster);
        }
    }

    @BeforeEach
    void clusterIsUp() {
        Assumptions.assumeTrue(noCluster == null, noCluster);
    }

    private static List<String> tune(String submission, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("tune", "--submission", submission, "--out", out.toString()));
        if (!List.of(extra).contains("--trials")) {
            args.addAll(List.of("--trials", "2"));
        }
        args.addAll(STUDY);
        args.addAll(List.of(extra));
        return args;
    }

    private static List<String> onSlurm(String submission, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of(extra));
        args.addAll(List.of("--executor", "slurm", "--gres", "gpu:1", "--poll-seconds", "0.5",
                // The local cluster's fake GPUs are /dev/ci-gpu<i>; the job script logs which of them a task may open.
                "--sbatch-arg=--export=ALL,OPTBENCH_GPU_DEVICES=/dev/ci-gpu*"));
        return tune(submission, out, args.toArray(String[]::new));
    }

    private static CliTestSupport.Result cli(List<String> args) {
        CliTestSupport.Result r = CliTestSupport.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), "optbench " + String.join(" ", args) + "\n" + r.out() + r.err());
        return r;
    }

    @Test
    void aStudyOnSlurmScoresAndMatchesTheLocalExecutorsRecordsAndResubmitsOnlyWhatIsMissing() throws IOException {
        Path slurmOut = dir.resolve("on-slurm");
        Path localOut = dir.resolve("local");
        // The two studies on Slurm and the same two on the local executor, all at once to keep the test short.
        CompletableFuture<CliTestSupport.Result> onCluster = CompletableFuture.supplyAsync(
                () -> cli(onSlurm("adamw", slurmOut)));
        CompletableFuture<CliTestSupport.Result> alsoOnCluster = CompletableFuture.supplyAsync(
                () -> cli(onSlurm("sgd_nesterov", slurmOut)));
        CompletableFuture<Void> local = CompletableFuture.runAsync(() -> {
            cli(tune("adamw", localOut));
            cli(tune("sgd_nesterov", localOut));
        });
        CliTestSupport.Result adamw = onCluster.join();
        alsoOnCluster.join();
        local.join();
        assertTrue(adamw.err().contains("submitted Slurm job"), adamw.err());
        assertTrue(adamw.out().contains("score with: optbench score --records "), adamw.out());

        Path experiment = slurmOut.resolve("external_tuning");
        CliTestSupport.Result score = cli(List.of("score", "--records", experiment.toString()));
        assertTrue(score.out().contains("adamw") && score.out().contains("sgd_nesterov"), score.out());

        // Each task saw one GPU, its own: Slurm's device cgroup lets it open only the device it was given.
        String config = Shell.run("scontrol", "show", "config").out();
        assertTrue(config.matches("(?s).*TaskPlugin\\s*=\\s*[^\\n]*task/cgroup.*"),
                "the cluster does not confine devices (TaskPlugin without task/cgroup); start it with SLURM_CI_CGROUP=1");
        List<Path> batches = batches(slurmOut.resolve("slurm"));
        assertEquals(2, batches.size(), "one batch per submission's study: " + batches);
        for (Path batch : batches) {
            List<Path> logs = taskLogs(batch);
            assertEquals(2, logs.size(), "task logs in " + batch);
            for (Path log : logs) {
                String text = Files.readString(log);
                Matcher gpus = Pattern.compile("SLURM_JOB_GPUS=(\\d+)").matcher(text);
                assertTrue(gpus.find(), log + ": " + text);
                assertTrue(text.contains("usable: /dev/ci-gpu" + gpus.group(1) + ";"), log + ": " + text);
                assertFalse(text.matches("(?s).*usable: \\S+ /dev.*"), "more than one usable GPU in " + log);
            }
        }
        for (Path trialDir : TrialRecords.findComplete(experiment)) {
            assertNotEquals("unset", hardware(trialDir).get("cuda_visible_devices"),
                    "Slurm sets CUDA_VISIBLE_DEVICES for a gres:gpu task");
        }

        // The local executor's records: the same plans, the same trials and specs, the same first evaluation.
        for (String submission : List.of("adamw", "sgd_nesterov")) {
            Path plan = Path.of("external_tuning", submission, "plan.json");
            assertEquals(Files.readString(localOut.resolve(plan)), Files.readString(slurmOut.resolve(plan)));
        }
        Map<String, TrialResult> fromSlurm = byTrial(experiment);
        Map<String, TrialResult> fromLocal = byTrial(localOut.resolve("external_tuning"));
        assertEquals(4, fromSlurm.size());
        assertEquals(fromLocal.keySet(), fromSlurm.keySet());
        for (String trial : fromSlurm.keySet()) {
            TrialRecord s = fromSlurm.get(trial).record();
            TrialRecord l = fromLocal.get(trial).record();
            assertEquals(l.hyperparameters(), s.hyperparameters(), trial);
            assertEquals(l.seed(), s.seed(), trial);
            assertEquals(l.budgetSeconds(), s.budgetSeconds(), trial);
            assertEquals(l.validationTarget(), s.validationTarget(), trial);
            assertNotEquals(StopReason.FAILED, s.stopReason(), trial + ": " + s.failure());
            EvalRow first = firstEval(fromSlurm.get(trial), trial);
            EvalRow firstLocal = firstEval(fromLocal.get(trial), trial);
            assertEquals(1, first.globalStep(), trial);
            assertEquals(firstLocal.globalStep(), first.globalStep(), trial);
            assertEquals(firstLocal.metrics(), first.metrics(), trial + ": step 1 is seeded and single-threaded");
        }

        // Resubmission: with one record gone, only its trial (index 1 of adamw's plan) goes to Slurm again.
        Path adamwDir = experiment.resolve("adamw");
        Path gone = adamwDir.resolve("study_0/quadratic/trial_2");
        Path kept = adamwDir.resolve("study_0/quadratic/trial_1/trial.json");
        String keptBefore = Files.readString(kept);
        deleteTree(gone);
        CliTestSupport.Result again = cli(onSlurm("adamw", slurmOut));
        List<String> submissions = Files.readAllLines(slurmOut.resolve("slurm").resolve(SlurmExecutor.SUBMISSIONS_LOG));
        assertEquals(3, submissions.size(), String.join("\n", submissions));
        assertTrue(submissions.get(0).contains(" --array=0-1 "), submissions.get(0));
        assertTrue(submissions.get(1).contains(" --array=0-1 "), submissions.get(1));
        assertTrue(submissions.get(2).contains(" --array=0 "), submissions.get(2));
        // The resubmitted batch holds the one missing trial's serialised job, every setting in it.
        Path batch = Path.of(submissions.get(2).split(" ")[4]);
        String jobFile = Files.readString(batch.resolve("jobs/0.json"));
        assertTrue(jobFile.contains(gone.toAbsolutePath().toString()) && jobFile.contains("\"stopAtTargets\" : true"),
                jobFile);
        assertTrue(again.err().contains("1 trials to run (1 already complete)"), again.err());
        assertTrue(TrialRecords.isComplete(gone));
        assertEquals(keptBefore, Files.readString(kept), "a complete trial is not run again");
        String job = submissions.get(2).split(" ")[2];
        Shell sacct = Shell.run("sacct", "--noheader", "--allocations", "--parsable2", "--jobs=" + job,
                "--format=JobID");
        assertEquals(List.of(job + "_0"), sacct.out().lines().map(String::strip).filter(l -> !l.isEmpty()).toList(),
                "the resubmitted job has one task");
    }

    @Test
    void aTrialThatThrowsIsAFailedRecordWithItsReasonAndABadHyperparameterFailsWithTheTrialsMessage()
            throws IOException {
        Path out = dir.resolve("throws");
        CliTestSupport.Result r = cli(onSlurm(ThrowingSubmission.NAME, out));
        List<TrialResult> results = TrialRecords.readAll(out.resolve("external_tuning"));
        assertEquals(2, results.size());
        for (TrialResult result : results) {
            assertEquals(StopReason.FAILED, result.record().stopReason());
            assertTrue(result.record().failure().contains("test submission fails at its third update"),
                    result.record().failure());
            assertEquals(2, result.record().steps(), "two updates done before the third threw");
        }
        assertTrue(r.err().contains("COMPLETED") && r.err().contains("the trial recorded its failure"), r.err());
        assertTrue(r.out().contains("failed: "), r.out());

        // A value the submission rejects as bad input fails its own trial, as any exception of a submission does:
        // the task's launcher records it, and the study goes on.
        Path space = dir.resolve("negative-weight-decay.json");
        Files.writeString(space, """
                {"learning_rate": {"feasible_points": [0.1]}, "one_minus_beta1": {"feasible_points": [0.1]},
                 "warmup_factor": {"feasible_points": [0.05]}, "weight_decay": {"feasible_points": [-0.5]}}""");
        Path badOut = dir.resolve("bad-input");
        cli(onSlurm("sgd_nesterov", badOut, "--search-space", space.toString(), "--trials", "1"));
        TrialRecord bad = TrialRecords.readAll(badOut.resolve("external_tuning")).get(0).record();
        assertEquals(StopReason.FAILED, bad.stopReason());
        assertEquals("exception in init: BadInputException: hyperparameter 'weight_decay' must be a finite number "
                + ">= 0, got -0.5", bad.failure());
    }

    @Test
    void aJobSlurmRefusesIsOneLineNamingTheReason() {
        Path out = dir.resolve("refused");
        CliTestSupport.Result r = CliTestSupport.run(onSlurm("adamw", out, "--partition", "no_such_partition")
                .toArray(String[]::new));
        assertEquals(2, r.exitCode(), r.out() + r.err());
        String err = r.err().strip();
        String last = err.substring(err.lastIndexOf('\n') + 1);
        assertTrue(last.startsWith("optbench: sbatch refused the job ") && last.contains("invalid partition"), err);
    }

    @Test
    void aTaskKilledBeforeItsRecordIsAFailedRecordWithItsSlurmState() throws Exception {
        Path out = dir.resolve("cancelled");
        List<String> args = new ArrayList<>(List.of("tune", "--submission", "adamw", "--out", out.toString(),
                "--workloads", "quadratic", "--trials", "1", "--budget-seconds", "600", "--executor", "slurm",
                "--poll-seconds", "0.5"));
        CompletableFuture<CliTestSupport.Result> tune = CompletableFuture.supplyAsync(
                () -> CliTestSupport.run(args.toArray(String[]::new)));
        Path log = out.resolve("slurm").resolve(SlurmExecutor.SUBMISSIONS_LOG);
        String task = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (task == null && System.nanoTime() < deadline) {
            Thread.sleep(250);
            if (Files.isRegularFile(log) && !Files.readString(log).isBlank()) {
                String job = Files.readString(log).split(" ")[2];
                Shell queue = Shell.run("squeue", "--noheader", "--array", "--jobs=" + job, "--format=%i %T");
                if (queue.out().contains("RUNNING")) {
                    // A RUNNING task has started its batch script; the cancel below reaches it mid-trial.
                    task = job + "_0";
                }
            }
        }
        assertNotNull(task, "the task did not start within 60 s");
        Thread.sleep(2000); // let the trial JVM get going
        assertEquals(0, Shell.run("scancel", task).exitCode());
        CliTestSupport.Result r = tune.get(90, TimeUnit.SECONDS);
        assertEquals(0, r.exitCode(), r.out() + r.err());
        TrialRecord record = TrialRecords.readAll(out.resolve("external_tuning")).get(0).record();
        assertEquals(StopReason.FAILED, record.stopReason());
        assertTrue(record.failure().startsWith("Slurm task " + task + " ended CANCELLED"), record.failure());
        assertTrue(record.failure().contains("without writing its record"), record.failure());
    }

    private static Map<String, Object> hardware(Path trialDir) {
        @SuppressWarnings("unchecked")
        Map<String, Object> hardware = (Map<String, Object>) TrialRecords.readJsonObject(
                trialDir.resolve("meta_data.json")).get("hardware");
        return hardware;
    }

    private static Map<String, TrialResult> byTrial(Path experiment) {
        Map<String, TrialResult> byTrial = new TreeMap<>();
        for (TrialResult result : TrialRecords.readAll(experiment)) {
            TrialRecord r = result.record();
            byTrial.put(r.submission() + "/" + r.study() + "/" + r.workload() + "/" + r.trial(), result);
        }
        return byTrial;
    }

    private static EvalRow firstEval(TrialResult result, String trial) {
        assertFalse(result.evals().isEmpty(), trial);
        return result.evals().get(0);
    }

    private static List<Path> batches(Path slurmDir) throws IOException {
        try (Stream<Path> files = Files.list(slurmDir)) {
            return files.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static List<Path> taskLogs(Path slurmDir) throws IOException {
        try (Stream<Path> files = Files.list(slurmDir)) {
            return files.filter(p -> p.getFileName().toString().matches("task_\\d+_\\d+\\.out")).sorted().toList();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A Slurm client command's output. */
    record Shell(int exitCode, String out) {
        static Shell run(String... command) {
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor(30, TimeUnit.SECONDS);
                return new Shell(p.exitValue(), out);
            } catch (IOException e) {
                return new Shell(127, String.valueOf(e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Shell(130, "interrupted");
            }
        }
    }
}
