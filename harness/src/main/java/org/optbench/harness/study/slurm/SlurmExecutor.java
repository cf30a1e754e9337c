package org.optbench.harness.study.slurm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.optbench.api.BadInputException;
import org.optbench.harness.launch.LostTrial;
import org.optbench.harness.launch.TrialLauncher;
import org.optbench.harness.study.StudyExecutor;
import org.optbench.harness.study.StudyProgress;
import org.optbench.harness.study.TrialJob;
import org.optbench.results.records.AtomicFiles;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialRecordWriter;
import org.optbench.results.records.TrialRecords;
import org.optbench.tuning.plan.TrialSpec;

/**
 * Runs trials as Slurm job arrays, one task per trial, and waits for them. Each submission is a batch directory
 * under the executor's directory: {@code jobs/<i>.json} (trial {@code i}'s serialised job, the same request a local
 * trial gets), {@code job.sh} and one log per task ({@code task_<job>_<index>.out}); {@code submissions.log} has a
 * line per {@code sbatch} with the job id, its array spec and its batch directory. Each task runs the trusted
 * launcher ({@code optbench launch}), which confines the trial JVM and writes its record on the shared storage the
 * results directory lives on.
 *
 * <p>The executor polls {@code squeue} (what is still pending or running) and {@code sacct} (how a task ended),
 * reports each finished trial, and writes a failed record, with the Slurm state as the reason, for a task that
 * ended without one (cancelled, out of time or memory, a failed node). Run again, it submits only the trials
 * without a complete record, and waits for those an earlier submission still has in the queue instead of
 * submitting them twice.
 */
public final class SlurmExecutor implements StudyExecutor {
    /** The log of submissions: {@code <time> job <id> --array=<spec> <batch dir>} per line. */
    public static final String SUBMISSIONS_LOG = "submissions.log";
    /** How long a task that left the queue without a record waits for its Slurm accounting state. */
    private static final double ACCOUNTING_WAIT_SECONDS = 30;

    private final SlurmOptions options;
    private final Path dir;

    /**
     * @param options placement of the tasks and the polling period
     * @param dir where batches, scripts and task logs go (on storage the nodes share)
     */
    public SlurmExecutor(SlurmOptions options, Path dir) {
        this.options = options;
        this.dir = dir.toAbsolutePath();
    }

    /** A trial handed to the scheduler, and what the parent has seen of it. */
    private static final class Task {
        final int index;
        final TrialJob job;
        final TrialSpec spec;
        final String jobId;
        final Path batch;
        boolean announced;
        double goneSinceSeconds = Double.NaN;

        Task(int index, TrialJob job, String jobId, Path batch) {
            this.index = index;
            this.job = job;
            this.spec = job.request().spec();
            this.jobId = jobId;
            this.batch = batch;
        }

        String id() {
            return jobId + "_" + index;
        }
    }

    @Override
    public List<TrialRecord> run(List<TrialJob> jobs, StudyProgress progress) {
        createDirectories(dir);
        Map<Path, TrialJob> missing = new LinkedHashMap<>();
        for (TrialJob job : jobs) {
            missing.put(job.trialDir().toAbsolutePath(), job);
        }
        List<Task> tasks = new ArrayList<>(adoptQueuedTasks(missing, progress));
        List<TrialJob> toSubmit = new ArrayList<>(missing.values());
        if (!toSubmit.isEmpty()) {
            tasks.addAll(submit(toSubmit, progress));
        }
        await(tasks, progress);
        List<TrialRecord> records = new ArrayList<>();
        for (TrialJob job : jobs) {
            records.add(TrialRecords.readRecord(job.trialDir().resolve(TrialRecordWriter.TRIAL_FILE)));
        }
        return records;
    }

    /**
     * Trials an earlier submission still has pending or running are waited for, not resubmitted; they are taken
     * out of {@code missing}.
     */
    private List<Task> adoptQueuedTasks(Map<Path, TrialJob> missing, StudyProgress progress) {
        List<Task> adopted = new ArrayList<>();
        for (String[] submission : submittedJobs(dir)) {
            String jobId = submission[0];
            Path batch = Path.of(submission[1]);
            Map<Integer, String> queued = SlurmClient.queued(jobId);
            if (queued == null) {
                continue;
            }
            for (Map.Entry<Integer, String> e : new TreeMap<>(queued).entrySet()) {
                Path file = batch.resolve("jobs").resolve(e.getKey() + ".json");
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                TrialJob queuedJob = TrialJob.read(file);
                TrialJob job = missing.remove(queuedJob.trialDir().toAbsolutePath());
                if (job != null) {
                    Task task = new Task(e.getKey(), queuedJob, jobId, batch);
                    adopted.add(task);
                    progress.note(task.spec.label() + " is still " + e.getValue() + " as Slurm task " + task.id()
                            + " of an earlier submission; waiting for it instead of submitting it again");
                }
            }
        }
        return adopted;
    }

    private List<Task> submit(List<TrialJob> jobs, StudyProgress progress) {
        Path batch;
        try {
            batch = Files.createTempDirectory(dir, "batch-");
            Files.createDirectories(batch.resolve("jobs"));
        } catch (IOException e) {
            throw new BadInputException("cannot write to " + dir + ": " + e.getMessage(), e);
        }
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            jobs.get(i).write(batch.resolve("jobs").resolve(i + ".json"));
            indices.add(i);
        }
        Path script = batch.resolve("job.sh");
        String jobName = "optbench-" + jobs.get(0).request().spec().submission();
        AtomicFiles.writeString(script, JobScript.render(jobName, batch, batch.resolve("task_%A_%a.out").toString(),
                options));
        String arraySpec = ArrayIndices.spec(indices);
        String jobId = SlurmClient.submit(script, arraySpec);
        appendLine(dir.resolve(SUBMISSIONS_LOG), Instant.now() + " job " + jobId + " --array=" + arraySpec + " "
                + batch);
        progress.note("submitted Slurm job " + jobId + " --array=" + arraySpec + " (" + indices.size() + " trials, "
                + String.join(" ", options.directives()) + "); task logs in " + batch);
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            tasks.add(new Task(i, jobs.get(i), jobId, batch));
        }
        return tasks;
    }

    private void await(List<Task> pendingTasks, StudyProgress progress) {
        Map<String, Task> tasks = new LinkedHashMap<>();
        for (Task task : pendingTasks) {
            tasks.put(task.id(), task);
        }
        long start = System.nanoTime();
        String lastStatus = "";
        int done = 0;
        int total = tasks.size();
        while (!tasks.isEmpty()) {
            double now = (System.nanoTime() - start) / 1e9;
            Map<String, Map<Integer, String>> queues = new LinkedHashMap<>();
            Map<String, Optional<Map<Integer, TaskState>>> accounts = new LinkedHashMap<>();
            for (Task task : tasks.values()) {
                queues.computeIfAbsent(task.jobId, SlurmClient::queued);
                accounts.computeIfAbsent(task.jobId, SlurmClient::accounting);
            }
            int pending = 0;
            int running = 0;
            for (Task task : new ArrayList<>(tasks.values())) {
                Map<Integer, String> queue = queues.get(task.jobId);
                Optional<Map<Integer, TaskState>> account = accounts.get(task.jobId);
                TaskState state = account.map(a -> a.get(task.index)).orElse(null);
                Path trialDir = task.job.trialDir();
                String queued = queue == null ? null : queue.get(task.index);
                if (TrialRecords.isComplete(trialDir)) {
                    TrialRecord record = TrialRecords.readRecord(trialDir.resolve(TrialRecordWriter.TRIAL_FILE));
                    // A record is written before its task's JVM exits: a failed trial is reported with the state
                    // Slurm ends the task in, so wait (a bounded while) for accounting to know it.
                    if (record.failure() != null && account.isPresent() && (state == null || !state.terminal())) {
                        if (Double.isNaN(task.goneSinceSeconds)) {
                            task.goneSinceSeconds = now;
                        }
                        if (now - task.goneSinceSeconds < ACCOUNTING_WAIT_SECONDS) {
                            running++;
                            continue;
                        }
                    }
                    if (record.failure() != null) {
                        progress.note("Slurm task " + task.id() + " " + (state == null ? "ended" : state)
                                + "; the trial recorded its failure: " + record.failure());
                    }
                    finish(task, record, progress);
                    tasks.remove(task.id());
                    done++;
                } else if (queued != null || queue == null) {
                    // Still queued, or squeue did not answer this time: ask again at the next poll.
                    task.goneSinceSeconds = Double.NaN;
                    if (queued != null && queued.startsWith("RUNNING")) {
                        running++;
                        if (!task.announced) {
                            task.announced = true;
                            progress.trialStarting(task.job.request());
                        }
                    } else {
                        pending++;
                    }
                } else {
                    // Left the queue without a complete record. Give shared storage a moment to show a record
                    // moved into place on another node, and accounting a moment to record how the task ended.
                    if (Double.isNaN(task.goneSinceSeconds)) {
                        task.goneSinceSeconds = now;
                    }
                    double gone = now - task.goneSinceSeconds;
                    boolean stateKnown = account.isEmpty() || (state != null && state.terminal());
                    if (gone >= 2 * options.pollSeconds() && (stateKnown || gone >= ACCOUNTING_WAIT_SECONDS)) {
                        String reason = lostReason(task, state, account.isPresent());
                        progress.note(reason);
                        TrialRecord record = LostTrial.write(task.job.request(), trialDir, reason);
                        finish(task, record, progress);
                        tasks.remove(task.id());
                        done++;
                    } else {
                        running++;
                    }
                }
            }
            String status = String.format(Locale.ROOT, "Slurm: %d pending, %d running, %d of %d done", pending,
                    running, done, total);
            if (!status.equals(lastStatus) && !tasks.isEmpty()) {
                progress.note(status);
                lastStatus = status;
            }
            if (!tasks.isEmpty()) {
                sleep(options.pollSeconds());
            }
        }
    }

    private static void finish(Task task, TrialRecord record, StudyProgress progress) {
        if (!task.announced) {
            task.announced = true;
            progress.trialStarting(task.job.request());
        }
        progress.trialFinished(task.job.request(), record);
    }

    /** Why a task has no record: its Slurm state and exit code, and the last line of its log. */
    private static String lostReason(Task task, TaskState state, boolean accounting) {
        String how = state != null ? state.toString()
                : accounting ? "in an unknown state (not in sacct)" : "in an unknown state (no Slurm accounting)";
        String reason = "Slurm task " + task.id() + " ended " + how + " without writing its record";
        Path log = task.batch.resolve("task_" + task.id() + ".out");
        String last = Files.isRegularFile(log) ? TrialLauncher.lastLine(log) : "";
        return last.isEmpty() ? reason : reason + "; its log ends: " + last;
    }

    /** The job ids and batch directories in {@code submissions.log}, oldest first. */
    static List<String[]> submittedJobs(Path dir) {
        Path log = dir.resolve(SUBMISSIONS_LOG);
        List<String[]> jobs = new ArrayList<>();
        if (!Files.isRegularFile(log)) {
            return jobs;
        }
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                String[] words = line.split(" ");
                if (words.length >= 5 && words[1].equals("job")) {
                    jobs.add(new String[] {words[2], words[4]});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
        return jobs;
    }

    private static void appendLine(Path file, String line) {
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BadInputException("cannot write to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void sleep(double seconds) {
        try {
            Thread.sleep(Math.round(seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Slurm tasks", e);
        }
    }
}
