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
import java.util.concurrent.atomic.AtomicReference;

import org.optbench.api.BadInputException;
import org.optbench.harness.hardware.PeakMemory;
import org.optbench.harness.trial.Failures;
import org.optbench.harness.trial.Software;
import org.optbench.harness.trial.TrialListener;
import org.optbench.harness.trial.TrialRunner;
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
 * heap ({@code -Xmx}, and {@code -XX:+ExitOnOutOfMemoryError} so an exhausted heap ends the JVM at once) and a
 * bounded resident memory: the parent polls the child's resident set ({@code /proc/PID/status}, on Linux) and
 * kills it past {@link Limits#maxResidentBytes()}, since ND4J's CPU tensors are allocated natively outside
 * JavaCPP's {@code maxbytes} accounting. The parent also kills a child that prints no progress for
 * {@link Limits#stallSeconds()}. It reports progress on its standard output ({@link ProgressProtocol}); its
 * standard error goes to {@code trial_<k>.stderr.log} beside the trial directory (removed when empty). When it ends without writing
 * {@code trial.json}, the parent writes a failed record itself, keeping the evaluations the child had logged.
 */
public final class ForkedTrial {
    /** How often the parent looks at the child's progress and resident memory. */
    private static final long WATCH_PERIOD_MILLIS = 200;

    /**
     * Heap, native memory and the watchdog of a trial JVM.
     *
     * @param maxHeap the heap limit, as {@code -Xmx} takes it ({@code "2g"}, {@code "512m"})
     * @param maxNativeBytes the off-heap limit, in the same form
     * @param stallSeconds how long the trial may print no progress before it is killed
     */
    public record Limits(String maxHeap, String maxNativeBytes, long stallSeconds) {
        /** What the JVM itself, its code and ND4J's native libraries take besides heap and tensors. */
        static final long JVM_OVERHEAD_BYTES = 768L << 20;

        /** 2 GB of heap, 4 GB of native memory, killed after 10 minutes without a sign of life. */
        public static Limits defaults() {
            return new Limits("2g", "4g", 600);
        }

        /** Checks the sizes. */
        public Limits {
            bytes(maxHeap, "heap limit");
            bytes(maxNativeBytes, "native memory limit");
        }

        /**
         * The resident memory at which the parent kills the trial: heap + native + {@link #JVM_OVERHEAD_BYTES}.
         * ND4J's CPU backend allocates tensors natively without JavaCPP's {@code maxbytes} accounting, so this
         * watchdog, not the JVM flag, is what bounds native memory.
         */
        public long maxResidentBytes() {
            return bytes(maxHeap, "heap limit") + bytes(maxNativeBytes, "native memory limit") + JVM_OVERHEAD_BYTES;
        }

        /** Parses {@code 512m}, {@code 2g}, {@code 1048576} (bytes) or {@code 64k}. */
        static long bytes(String size, String what) {
            String s = size == null ? "" : size.strip().toLowerCase(java.util.Locale.ROOT);
            long unit = 1;
            if (s.endsWith("k") || s.endsWith("m") || s.endsWith("g") || s.endsWith("t")) {
                unit = 1L << (10 * ("kmgt".indexOf(s.charAt(s.length() - 1)) + 10));
                s = s.substring(0, s.length() - 1);
            }
            try {
                long n = Long.parseLong(s);
                if (n > 0) {
                    return Math.multiplyExact(n, unit);
                }
            } catch (NumberFormatException | ArithmeticException e) {
                // fall through to the message
            }
            throw new BadInputException(what + " '" + size + "' is not a size such as 512m or 2g");
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
        } catch (IOException e) {
            throw new BadInputException("cannot write to " + parent + ": " + e.getMessage(), e);
        }
        request.write(requestFile);
        List<String> command = command(requestFile, trialDir.toAbsolutePath(), limits);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderrLog.toFile());
        builder.environment().putIfAbsent("OMP_NUM_THREADS", "1");
        int exitCode;
        String killedBecause = null;
        AtomicReference<String> lastOtherLine = new AtomicReference<>("");
        try {
            Process process = builder.start();
            AtomicLong lastSign = new AtomicLong(System.nanoTime());
            Thread reader = new Thread(() -> relay(process, listener, lastSign, lastOtherLine), "trial-output");
            reader.setDaemon(true);
            reader.start();
            long maxResident = limits.maxResidentBytes();
            while (!process.waitFor(WATCH_PERIOD_MILLIS, TimeUnit.MILLISECONDS)) {
                long silentNanos = System.nanoTime() - lastSign.get();
                long resident = PeakMemory.residentBytes(process.pid());
                if (resident > maxResident) {
                    killedBecause = String.format(java.util.Locale.ROOT, "out of memory: resident memory %d MB "
                            + "exceeded the trial's limit of %d MB (heap %s + native %s + JVM); the trial JVM was "
                            + "killed", resident >> 20, maxResident >> 20, limits.maxHeap(), limits.maxNativeBytes());
                } else if (silentNanos > TimeUnit.SECONDS.toNanos(limits.stallSeconds())) {
                    killedBecause = "hang: no progress for " + limits.stallSeconds() + " s; the trial JVM was killed";
                }
                if (killedBecause != null) {
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
            String reason = killedBecause != null ? killedBecause
                    : describeExit(exitCode, last, lastOtherLine.get());
            return writeFailedRecord(request, trialDir, reason);
        } finally {
            quietlyDelete(requestFile);
            if (isEmpty(stderrLog)) {
                quietlyDelete(stderrLog); // a quiet trial leaves only its record
            }
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
        command.add("--exit-with-parent");
        return command;
    }

    private static void relay(Process process, TrialListener listener, AtomicLong lastSign,
                              AtomicReference<String> lastOtherLine) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lastSign.set(System.nanoTime());
                if (!ProgressProtocol.read(line, listener) && !line.isBlank()) {
                    // The JVM reports -XX:+ExitOnOutOfMemoryError on standard output.
                    lastOtherLine.set(line.strip());
                }
            }
        } catch (IOException e) {
            // The child is gone; its exit code tells the rest.
        }
    }

    private static String describeExit(int exitCode, String lastError, String lastOutput) {
        String oom = lastError.contains("OutOfMemoryError") ? lastError
                : lastOutput.contains("OutOfMemoryError") ? lastOutput : null;
        String how = exitCode > 128 ? "killed by signal " + (exitCode - 128) : "exited with code " + exitCode;
        if (oom != null) {
            return exitCode == 3 ? "out of memory: " + oom : "out of memory: trial JVM " + how + ": " + oom;
        }
        return "trial JVM " + how + " before writing its record" + (lastError.isEmpty() ? "" : ": " + lastError);
    }

    private static TrialRecord writeFailedRecord(TrialRequest request, Path trialDir, String reason) {
        WorkloadSpec spec = Workloads.create(request.spec().workload(), TrialRunner.options(request.settings())).spec();
        Path staging = trialDir.resolveSibling(trialDir.getFileName() + TrialRunner.STAGING_SUFFIX);
        Path csv = staging.resolve(EvalMeasurementsCsv.FILE_NAME);
        List<EvalRow> evals = Files.isRegularFile(csv) ? EvalMeasurementsCsv.read(csv) : List.of();
        TrialRecordWriter writer = TrialRecordWriter.create(staging);
        for (EvalRow row : evals) {
            writer.appendEval(row);
        }
        if (!Files.exists(staging.resolve(TrialRecordWriter.HPARAMS_FILE))) {
            writer.writeHyperParameters(request.spec().hyperparameters());
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
        TrialRecord record = new TrialRecord(request.spec().submission(), spec.name(), spec.base(), request.spec().study(),
                request.spec().trial(), request.spec().seed(), request.spec().hyperparameters(), request.spec().budgetSeconds(), spec.metric(),
                direction, spec.validationTarget(), spec.testTarget(), request.settings().hardwareClass(), timeToTarget != null,
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

    private static boolean isEmpty(Path file) {
        try {
            return Files.size(file) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void quietlyDelete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover request file is harmless; the next run overwrites it.
        }
    }
}
