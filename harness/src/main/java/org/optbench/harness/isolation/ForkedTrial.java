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

import org.optbench.api.BadInputException;


import org.optbench.harness.trial.TrialListener;





import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialRecordWriter;
import org.optbench.results.records.TrialRecords;




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
        } catch (IOException e) {
            throw new BadInputException("cannot write to " + parent + ": " + e.getMessage(), e);
        }
        request.write(requestFile);
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
            if (exitCode == 2 && killedBecause == null) {
                throw new BadInputException(lastLine(stderrLog).replaceFirst("^optbench: ", ""));
            }
            if (TrialRecords.isComplete(trialDir)) {
                return TrialRecords.readRecord(trialDir.resolve(TrialRecordWriter.TRIAL_FILE));
            }
            String reason = killedBecause != null ? killedBecause : describeExit(exitCode, stderrLog);
            return FailedTrialRecord.write(request, trialDir, reason);
        } finally {
            quietlyDelete(requestFile);
        }
    }

    private static List<String> command(Path requestFile, Path trialDir, Limits limits) {
        List<String> command = new ArrayList<>(TrialJvm.command(limits));
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

    private static void quietlyDelete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover request file is harmless; the next run overwrites it.
        }
    }
}
