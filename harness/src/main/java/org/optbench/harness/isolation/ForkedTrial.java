package org.optbench.harness.isolation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.optbench.api.BadInputException;
import org.optbench.harness.trial.Failures;
import org.optbench.harness.trial.Software;
import org.optbench.harness.trial.TrialListener;
import org.optbench.harness.trial.TrialRunner;
import org.optbench.results.records.AtomicFiles;
import org.optbench.results.records.EvalMeasurementsCsv;
import org.optbench.results.records.EvalRow;
import org.optbench.results.records.StopReason;
import org.optbench.results.records.TargetDirection;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialRecordWriter;
import org.optbench.results.records.TrialRecords;
import org.optbench.workloads.MetricDirection;
import org.optbench.workloads.WorkloadSpec;
import org.optbench.workloads.Workloads;

/**
 * Runs one trial in a JVM of its own, as JMH forks each benchmark: a trial cannot poison the next, and whatever
 * it does (throw, exhaust memory, exit, hang) ends as a failed record while the parent goes on.
 *
 * <p>The child is {@code optbench trial --request FILE --trial-dir DIR} on this JVM's class path, with a bounded
 * heap and a bounded native memory. It reports progress on its standard output ({@link ProgressProtocol}); its
 * standard error goes to {@code trial_<k>.stderr.log} beside the trial directory. When it ends without writing
 * {@code trial.json}, the parent writes a failed record itself, keeping the evaluations the child had logged.
 */
public final class ForkedTrial {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Heap, native memory and the watchdog of a trial JVM. */
    public record Limits(String maxHeap, String maxNativeBytes, long stallSeconds) {
        /** 2 GB of heap, 4 GB of native memory, killed after 10 minutes without a sign of life. */
        public static Limits defaults() {
            return new Limits("2g", "4g", 600);
        }
    }

    private ForkedTrial() {
    }

    /**
     * Runs the trial in a fresh JVM and returns its record.
     *
     * @throws BadInputException when the child rejected the request as a user's mistake (exit code 2)
     */
    public static TrialRecord run(TrialRequest request, Path trialDir, TrialListener listener, Limits limits) {
        Path parent = trialDir.toAbsolutePath().getParent();
        Path requestFile = parent.resolve(trialDir.getFileName() + ".request.json");
        Path stderrLog = parent.resolve(trialDir.getFileName() + ".stderr.log");
        try {
            Files.createDirectories(parent);
            AtomicFiles.writeString(requestFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(request));
        } catch (IOException e) {
            throw new BadInputException("cannot write to " + parent + ": " + e.getMessage(), e);
        }
        List<String> command = command(requestFile, trialDir.toAbsolutePath(), limits);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderrLog.toFile());
        builder.environment().putIfAbsent("OMP_NUM_THREADS", "1");
        int exitCode;
        String killedBecause = null;
        try {
            Process process = builder.start();
            AtomicLong lastSign = new AtomicLong(System.nanoTime());
            Thread reader = new Thread(() -> relay(process, listener, lastSign), "trial-output");
            reader.setDaemon(true);
            reader.start();
            while (!process.waitFor(1, TimeUnit.SECONDS)) {
                long silentNanos = System.nanoTime() - lastSign.get();
                if (silentNanos > TimeUnit.SECONDS.toNanos(limits.stallSeconds())) {
                    killedBecause = "hang: no progress for " + limits.stallSeconds() + " s; the trial JVM was killed";
                    process.destroyForcibly().waitFor();
                    break;
                }
            }
            reader.join(5000);
            exitCode = process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a trial JVM: " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the trial JVM", e);
        }

        try {
            // Exit code 2 with the CLI's one-line message is the user's mistake; a submission calling
            // System.exit(2) leaves no such line and is a failed trial like any other exit.
            String last = lastLine(stderrLog);
            if (exitCode == 2 && killedBecause == null && last.startsWith("optbench: ")
                    && !TrialRecords.isComplete(trialDir)) {
                throw new BadInputException(last.substring("optbench: ".length()));
            }
            if (TrialRecords.isComplete(trialDir)) {
                return TrialRecords.readRecord(trialDir.resolve(TrialRecordWriter.TRIAL_FILE));
            }
            String reason = killedBecause != null ? killedBecause : describeExit(exitCode, stderrLog);
            return writeFailedRecord(request, trialDir, reason);
        } finally {
            quietlyDelete(requestFile);
        }
    }

    private static List<String> command(Path requestFile, Path trialDir, Limits limits) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.add("-Xmx" + limits.maxHeap());
        // A small young generation keeps the resident set flat: ND4J frees native buffers only when their Java
        // wrappers are collected.
        command.add("-Xmn32m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-Dorg.bytedeco.javacpp.maxbytes=" + limits.maxNativeBytes());
        command.add("-Doptbench.gitCommit=" + Software.gitCommit());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.optbench.harness.cli.Main");
        command.add("trial");
        command.add("--request");
        command.add(requestFile.toString());
        command.add("--trial-dir");
        command.add(trialDir.toString());
        return command;
    }

    private static void relay(Process process, TrialListener listener, AtomicLong lastSign) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lastSign.set(System.nanoTime());
                ProgressProtocol.read(line, listener);
            }
        } catch (IOException e) {
            // The child is gone; its exit code tells the rest.
        }
    }

    private static String describeExit(int exitCode, Path stderrLog) {
        String last = lastLine(stderrLog);
        if (exitCode == 3 && last.contains("OutOfMemoryError")) {
            return "out of memory: " + last;
        }
        String how = exitCode > 128 ? "killed by signal " + (exitCode - 128) : "exited with code " + exitCode;
        if (last.contains("OutOfMemoryError")) {
            return "out of memory: trial JVM " + how + ": " + last;
        }
        return "trial JVM " + how + " before writing its record" + (last.isEmpty() ? "" : ": " + last);
    }

    private static TrialRecord writeFailedRecord(TrialRequest request, Path trialDir, String reason) {
        WorkloadSpec spec = Workloads.create(request.workload(), TrialRunner.options(request)).spec();
        Path staging = trialDir.resolveSibling(trialDir.getFileName() + TrialRunner.STAGING_SUFFIX);
        Path csv = staging.resolve(EvalMeasurementsCsv.FILE_NAME);
        List<EvalRow> evals = Files.isRegularFile(csv) ? EvalMeasurementsCsv.read(csv) : List.of();
        TrialRecordWriter writer = TrialRecordWriter.create(staging);
        for (EvalRow row : evals) {
            writer.appendEval(row);
        }
        if (!Files.exists(staging.resolve(TrialRecordWriter.HPARAMS_FILE))) {
            writer.writeHyperParameters(request.hyperparameters());
        }
        EvalRow last = evals.isEmpty() ? null : evals.get(evals.size() - 1);
        Double timeToTarget = null;
        boolean reachedTest = false;
        TargetDirection direction = spec.direction() == MetricDirection.HIGHER_IS_BETTER
                ? TargetDirection.HIGHER : TargetDirection.LOWER;
        for (EvalRow row : evals) {
            if (timeToTarget == null && direction.reaches(row.validation(spec.metric()), spec.validationTarget())) {
                timeToTarget = row.submissionSeconds();
            }
            reachedTest |= direction.reaches(row.test(spec.metric()), spec.testTarget());
        }
        TrialRecord record = new TrialRecord(request.submission(), spec.name(), spec.base(), request.study(),
                request.trial(), request.seed(), request.hyperparameters(), request.budgetSeconds(), spec.metric(),
                direction, spec.validationTarget(), spec.testTarget(), request.hardwareClass(), timeToTarget != null,
                reachedTest, timeToTarget, last == null ? 0 : last.globalStep(), evals.size(),
                last == null ? 0 : last.submissionSeconds(), last == null ? 0 : last.evalSeconds(),
                last == null ? 0 : last.loggingSeconds(), last == null ? 0 : last.totalDurationSeconds(),
                Double.NaN, -1, 0, Failures.firstLine(reason), StopReason.FAILED, Software.version(),
                java.time.Instant.now().toString());
        writer.complete(record);
        TrialRunner.moveIntoPlace(staging, trialDir);
        return record;
    }

    private static String lastLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank() && !lines.get(i).startsWith("\tat ")) {
                    return lines.get(i).strip();
                }
            }
        } catch (IOException e) {
            return "";
        }
        return "";
    }

    private static void quietlyDelete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover request file is harmless; the next run overwrites it.
        }
    }
}
