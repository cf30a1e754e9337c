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
import org.optbench.harness.isolation.FailedTrialRecord;
import org.optbench.harness.isolation.ForkedTrial;
import org.optbench.harness.isolation.TrialRequest;
import org.optbench.harness.isolation.TrialSettings;
import org.optbench.harness.study.FinishedTrials;
import org.optbench.harness.study.StudyExecutor;
import org.optbench.harness.study.StudyLayout;
import org.optbench.harness.study.StudyProgress;
import org.optbench.results.records.AtomicFiles;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialRecordWriter;
import org.optbench.results.records.TrialRecords;
import org.optbench.tuning.plan.StudyPlan;
import org.optbench.tuning.plan.TrialSpec;

/**
 * Runs a study's missing trials as one Slurm job array, one task per trial (array index = the trial's index in the
 * plan), and waits for them. Each task runs {@code optbench trial --plan FILE --index i}, the trial code the local
 * executor's forked JVMs run, and writes its record directory atomically on the shared storage the results
 * directory lives on.
 *
 * <p>Next to the plan, in {@code slurm/}, go the job script ({@code job.sh}), one log per task
 * ({@code task_<job>_<index>.out}) and {@code submissions.log}, a line per {@code sbatch} with the job id and its
 * array spec. The parent polls {@code squeue} (what is still pending or running) and {@code sacct} (how a task
 * ended), reports each finished trial, and writes a failed record, with the Slurm state as the reason, for a task
 * that ended without one (cancelled, out of time or memory, a failed node). Run again, it submits only the trials
 * without a complete record, and waits for those an earlier submission still has in the queue instead of
 * submitting them twice.
 */
public final class SlurmExecutor implements StudyExecutor {
    /** The directory beside the plan with the job script, task logs and submissions log. */
    public static final String SLURM_DIR = "slurm";
    /** The log of submissions: {@code <time> job <id> --array=<spec>} per line. */
    public static final String SUBMISSIONS_LOG = "submissions.log";
    /** How long a task that left the queue without a record waits for its Slurm accounting state. */
    private static final double ACCOUNTING_WAIT_SECONDS = 30;

    private final SlurmOptions options;
    private final TrialSettings settings;
    private final ForkedTrial.Limits limits;

    /**
     * @param options placement of the tasks and the polling period
     * @param settings how each trial runs (its data directory and any submission jar must be visible to the nodes)
     * @param limits heap and native memory of each trial JVM, as for local trials
     */
    public SlurmExecutor(SlurmOptions options, TrialSettings settings, ForkedTrial.Limits limits) {
        this.options = options;
        this.settings = settings;
        this.limits = limits;
    }

    /** A trial handed to the scheduler, and what the parent has seen of it. */
    private static final class Task {
        final int index;
        final TrialSpec spec;
        final String jobId;
        boolean announced;
        double goneSinceSeconds = Double.NaN;

        Task(int index, TrialSpec spec, String jobId) {
            this.index = index;
            this.spec = spec;
            this.jobId = jobId;
        }

        String id() {
            return jobId + "_" + index;
        }
    }

    @Override
    public List<TrialRecord> execute(StudyPlan plan, StudyLayout layout, StudyProgress progress) {
        Path planFile = layout.planFile(plan.ruleset().kind(), plan.submission()).toAbsolutePath();
        if (!Files.isRegularFile(planFile)) {
            throw new IllegalStateException("the plan must be written before it is submitted: " + planFile);
        }
        Path slurmDir = planFile.getParent().resolve(SLURM_DIR);
        createDirectories(slurmDir);
        Path experiment = layout.experiment(plan.ruleset().kind()).toAbsolutePath();

        List<Integer> missing = new ArrayList<>();
        double budget = 0;
        for (int i = 0; i < plan.trials().size(); i++) {
            if (!FinishedTrials.holds(layout.trialDir(plan.trials().get(i)), plan.trials().get(i))) {
                missing.add(i);
                budget += plan.trials().get(i).budgetSeconds();
            }
        }
        progress.starting(missing.size(), plan.trials().size() - missing.size(), budget);
        if (!missing.isEmpty()) {
            Map<Integer, Task> tasks = new TreeMap<>();
            adoptQueuedTasks(plan, slurmDir, missing, tasks, progress);
            List<Integer> toSubmit = missing.stream().filter(i -> !tasks.containsKey(i)).toList();
            if (!toSubmit.isEmpty()) {
                String jobId = submit(plan, planFile, experiment, slurmDir, toSubmit, progress);
                for (int i : toSubmit) {
                    tasks.put(i, new Task(i, plan.trials().get(i), jobId));
                }
            }
            await(tasks, layout, slurmDir, progress);
        }
        List<TrialRecord> records = new ArrayList<>();
        for (TrialSpec spec : plan.trials()) {
            records.add(TrialRecords.readRecord(layout.trialDir(spec).resolve(TrialRecordWriter.TRIAL_FILE)));
        }
        return records;
    }

    /** Trials an earlier submission of this plan still has pending or running are waited for, not resubmitted. */
    private static void adoptQueuedTasks(StudyPlan plan, Path slurmDir, List<Integer> missing, Map<Integer, Task> tasks,
                                         StudyProgress progress) {
        for (String jobId : submittedJobs(slurmDir)) {
            Map<Integer, String> queued = SlurmClient.queued(jobId);
            if (queued == null) {
                continue;
            }
            for (Map.Entry<Integer, String> e : new TreeMap<>(queued).entrySet()) {
                if (missing.contains(e.getKey()) && !tasks.containsKey(e.getKey())) {
                    Task task = new Task(e.getKey(), plan.trials().get(e.getKey()), jobId);
                    tasks.put(e.getKey(), task);
                    progress.note(task.spec.label() + " is still " + e.getValue() + " as Slurm task " + task.id()
                            + " of an earlier submission; waiting for it instead of submitting it again");
                }
            }
        }
    }

    private String submit(StudyPlan plan, Path planFile, Path experiment, Path slurmDir, List<Integer> indices,
                          StudyProgress progress) {
        Path script = slurmDir.resolve("job.sh");
        String jobName = "optbench-" + plan.submission();
        AtomicFiles.writeString(script, JobScript.render(jobName, planFile, experiment,
                slurmDir.resolve("task_%A_%a.out").toString(), options, limits, settings));
        String arraySpec = ArrayIndices.spec(indices);
        String jobId = SlurmClient.submit(script, arraySpec);
        appendLine(slurmDir.resolve(SUBMISSIONS_LOG),
                Instant.now() + " job " + jobId + " --array=" + arraySpec + " " + script);
        progress.note("submitted Slurm job " + jobId + " --array=" + arraySpec + " (" + indices.size() + " trials, "
                + String.join(" ", options.directives()) + "); task logs in " + slurmDir);
        return jobId;
    }

    private void await(Map<Integer, Task> tasks, StudyLayout layout, Path slurmDir, StudyProgress progress) {
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
                Path trialDir = layout.trialDir(task.spec);
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
                    tasks.remove(task.index);
                    done++;
                } else if (queued != null || queue == null) {
                    // Still queued, or squeue did not answer this time: ask again at the next poll.
                    task.goneSinceSeconds = Double.NaN;
                    if (queued != null && queued.startsWith("RUNNING")) {
                        running++;
                        if (!task.announced) {
                            task.announced = true;
                            progress.trialStarting(task.spec);
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
                        String reason = lostReason(task, state, account.isPresent(), slurmDir);
                        progress.note(reason);
                        TrialRecord record = FailedTrialRecord.write(
                                new TrialRequest(task.spec, settings), trialDir,
                                reason);
                        finish(task, record, progress);
                        tasks.remove(task.index);
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
            progress.trialStarting(task.spec);
        }
        progress.trialFinished(task.spec, record);
    }

    /** Why a task has no record: its Slurm state and exit code, and the last line of its log. */
    private static String lostReason(Task task, TaskState state, boolean accounting, Path slurmDir) {
        String how = state != null ? state.toString()
                : accounting ? "in an unknown state (not in sacct)" : "in an unknown state (no Slurm accounting)";
        String reason = "Slurm task " + task.id() + " ended " + how + " without writing its record";
        Path log = slurmDir.resolve("task_" + task.id() + ".out");
        String last = Files.isRegularFile(log) ? ForkedTrial.lastLine(log) : "";
        return last.isEmpty() ? reason : reason + "; its log ends: " + last;
    }

    /** The job ids in {@code submissions.log}, oldest first. */
    static List<String> submittedJobs(Path slurmDir) {
        Path log = slurmDir.resolve(SUBMISSIONS_LOG);
        List<String> jobs = new ArrayList<>();
        if (!Files.isRegularFile(log)) {
            return jobs;
        }
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                String[] words = line.split(" ");
                if (words.length >= 3 && words[1].equals("job")) {
                    jobs.add(words[2]);
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
