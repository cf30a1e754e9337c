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

import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialRecordWriter;
import org.optbench.results.records.TrialRecords;




/**
 * Runs one trial in a JVM of its own, as JMH forks each benchmark: a trial cannot poison the next, and whatever
 * it does (throw, exhaust memory, exit, hang) ends as a failed record while the parent goes on.
 *
 * <p>The child is {@code optbench trial --request FILE --trial-dir DIR} on this JVM's class path, confined
 * ({@link TrialJvm}: the submission reaches only what the api hands it), with a bounded
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
            return FailedTrialRecord.write(request, trialDir, reason);
        } finally {
            quietlyDelete(requestFile);
            if (isEmpty(stderrLog)) {
                quietlyDelete(stderrLog); // a quiet trial leaves only its record
            }
        }
    }

    private static List<String> command(Path requestFile, Path trialDir, Limits limits) {
        List<String> command = new ArrayList<>(TrialJvm.command(limits));
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

    /** The last line of {@code file} that is not blank and not a stack frame, or "" when there is none. */
    public static String lastLine(Path file) {
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
