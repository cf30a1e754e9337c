package org.optbench.harness.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;

import org.optbench.api.BadInputException;
import org.optbench.harness.trial.Failures;
import org.optbench.harness.trial.TrialListener;
import org.optbench.results.records.EvalRow;
import org.optbench.results.records.TrialRecord;
import org.optbench.workloads.WorkloadSpec;
import org.optbench.workloads.Workloads;

/**
 * Runs one trial in a JVM of its own and owns its record, as JMH forks each benchmark: whatever the trial does
 * (throw, exhaust memory, exit, hang, loop inside a step, lie), it ends as a record written here while the study
 * goes on.
 *
 * <p>The launcher is trusted; the trial JVM is not, once it has loaded submission code. So the launcher
 * <ul>
 *   <li>starts it confined ({@link Confinement}: no network, only a scratch directory writable, its own process
 *       group) and pinned to a core when the executor says so;</li>
 *   <li>hears it only over a channel that the trial JVM opened before loading the submission
 *       ({@link ChannelServer}); what it prints is a log, and files it leaves are ignored;</li>
 *   <li>decides from each evaluation, with targets the trial JVM never sees, whether the trial stops;</li>
 *   <li>reads the CPU time and resident memory of the trial's whole process tree from {@code /proc} and kills it
 *       past its memory limit, past its budget ({@link BudgetBackstop}: the trial checks its budget itself after
 *       every step, so only a step that never ends gets here), when no step ends for the stall limit, or when setup
 *       takes too long;</li>
 *   <li>writes {@code trial.json}, {@code meta_data.json} and the CSV itself, with the machine and versions it read
 *       before any submission code ran.</li>
 * </ul>
 * The trial JVM's output goes, bounded ({@link BoundedLog}), to {@code trial_<k>.log} beside the trial directory
 * (removed when empty).
 */
public final class TrialLauncher {
    /** How often the launcher looks at the trial's process tree. */
    private static final long WATCH_PERIOD_MILLIS = 200;
    /** How much of the end of a log {@link #lastLine} reads. */
    private static final int LAST_LINE_WINDOW = 64 << 10;

    private TrialLauncher() {
    }

    /**
     * Runs the trial and writes its record.
     *
     * @param request what to run, with every setting
     * @param trialDir where its record goes
     * @param listener the progress display
     * @param placement the core to pin it to, and how many trials run beside it
     * @return the written record
     */
    public static TrialRecord run(TrialRequest request, Path trialDir, TrialListener listener, Placement placement) {
        String startedAt = Instant.now().toString();
        WorkloadSpec spec = Workloads.spec(request.spec().workload());
        MachineFacts machine = MachineFacts.here();
        Confinement confinement = Confinement.forTrial(request.settings());
        Path parent = trialDir.toAbsolutePath().getParent();
        Path log = parent.resolve(trialDir.getFileName() + ".log");
        Path scratch;
        try {
            Files.createDirectories(parent);
            scratch = Files.createTempDirectory("optbench-trial-");
        } catch (IOException e) {
            throw new BadInputException("cannot write to " + parent + ": " + e.getMessage(), e);
        }
        TrialObservation observation = new TrialObservation(spec, request.settings().stopAtTargets(), listener);
        try (ChannelServer channel = ChannelServer.listen(scratch.resolve("channel.sock"))) {
            Path requestFile = scratch.resolve("request.json");
            request.write(requestFile);
            List<String> command = new ArrayList<>(TrialJvm.command(request.settings().limits()));
            command.addAll(List.of("trial", "--request", requestFile.toString(), "--channel",
                    channel.socket().toString(), "--exit-with-parent"));
            if (confinement.ownsPidNamespace()) {
                command.add("--own-pid-namespace");
            }
            command = confinement.wrap(command, scratch);
            if (placement.cpu() != null) {
                command.addAll(0, List.of("taskset", "-c", Integer.toString(placement.cpu())));
            }
            Run run = new Run(request, observation, channel, placement);
            run.execute(command, log);
            TrialMeasurements measured = new TrialMeasurements(run.wallSeconds, run.cpuSeconds, run.peakResident,
                    run.loadStart, LoadAverage.oneMinute(), run.maxBeside, confinement.name());
            String failure = run.failure(log);
            TrialRecord record = TrialRecordFactory.build(request, spec, observation, measured, failure, startedAt);
            Map<String, Object> launch = new LinkedHashMap<>();
            launch.put("sandbox", confinement.name());
            launch.put("cpu_affinity", placement.cpu() == null ? "all" : Integer.toString(placement.cpu()));
            launch.put("trials_beside", run.maxBeside);
            launch.put("limits", request.settings().limits());
            Double override = request.settings().evalPeriodSeconds();
            RecordDirectory.write(trialDir, record, observation.rows(), RecordDirectory.metaData(request, spec,
                    machine, override != null ? override : spec.evalPeriodSeconds(), launch));
            return record;
        } finally {
            RecordDirectory.deleteRecursively(scratch);
            try {
                if (Files.isRegularFile(log) && Files.size(log) == 0) {
                    Files.delete(log); // a quiet trial leaves only its record
                }
            } catch (IOException e) {
                // A leftover empty log is harmless.
            }
        }
    }

    /** One run of the trial JVM and the launcher's watch over it. */
    private static final class Run {
        private final TrialRequest request;
        private final TrialObservation observation;
        private final ChannelServer channel;
        private final Placement placement;
        private final AtomicReference<String> protocolError = new AtomicReference<>();
        private volatile double cpuAtClockStart = Double.NaN;
        private volatile long wallAtClockStart;
        private BudgetBackstop backstop;
        private long progressAtReport;
        private String killedBecause;
        private int exitCode;
        double wallSeconds;
        double cpuSeconds;
        long peakResident = -1;
        Double loadStart;
        int maxBeside;

        Run(TrialRequest request, TrialObservation observation, ChannelServer channel, Placement placement) {
            this.request = request;
            this.observation = observation;
            this.channel = channel;
            this.placement = placement;
        }

        void execute(List<String> command, Path log) {
            // Through a pipe into a log of bounded size: a trial may print without end.
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putIfAbsent("OMP_NUM_THREADS", "1");
            loadStart = LoadAverage.oneMinute();
            long start = System.nanoTime();
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start a trial JVM: " + String.join(" ", command), e);
            }
            BoundedLog output = BoundedLog.start(process.getInputStream(), log, "trial-output");
            ProcessTree tree = new ProcessTree(process.toHandle());
            Thread reader = new Thread(() -> listen(tree), "trial-channel");
            reader.setDaemon(true);
            reader.start();
            Limits limits = request.settings().limits();
            double budget = TrialRecordFactory.effectiveBudget(request);
            try {
                while (!process.waitFor(WATCH_PERIOD_MILLIS, TimeUnit.MILLISECONDS)) {
                    maxBeside = Math.max(maxBeside, placement.trialsRunning().getAsInt() - 1);
                    ProcessTree.Reading reading = tree.read();
                    cpuSeconds = Math.max(cpuSeconds, reading.cpuSeconds());
                    peakResident = Math.max(peakResident, reading.peakResidentBytes());
                    killedBecause = watch(reading, start, limits, budget);
                    if (killedBecause == null && protocolError.get() != null) {
                        killedBecause = "the trial JVM broke the launcher's protocol: " + protocolError.get();
                    }
                    if (killedBecause != null) {
                        tree.killAll();
                        process.waitFor();
                        break;
                    }
                }
                // Whatever the JVM started and left behind goes with it.
                tree.killAll();
                reader.join(5000);
                exitCode = process.exitValue();
            } catch (InterruptedException e) {
                tree.killAll();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the trial JVM", e);
            } finally {
                channel.close();
                output.finish();
            }
            wallSeconds = (System.nanoTime() - start) / 1e9;
        }

        /** Why the trial must be killed now, or {@code null}. */
        private String watch(ProcessTree.Reading reading, long start, Limits limits, double budget) {
            long now = System.nanoTime();
            if (reading.residentBytes() > limits.maxResidentBytes()) {
                return String.format(Locale.ROOT, "out of memory: resident memory %d MB exceeded the trial's limit "
                        + "of %d MB (heap %s + native %s + JVM); the trial JVM was killed",
                        reading.residentBytes() >> 20, limits.maxResidentBytes() >> 20, limits.maxHeap(),
                        limits.maxNative());
            }
            double silent = (now - observation.lastProgressNanos()) / 1e9;
            if (!observation.started()) {
                long setupLimit = limits.stallSeconds() * Limits.SETUP_STALL_FACTOR;
                return silent > setupLimit ? "hang: setup took more than " + setupLimit
                        + " s without starting the clock; the trial JVM was killed" : null;
            }
            if (observation.result() != null) {
                return null; // it reported its end and is exiting
            }
            if (silent > limits.stallSeconds()) {
                return "hang: no progress for " + limits.stallSeconds() + " s; the trial JVM was killed";
            }
            if (backstop == null) {
                backstop = new BudgetBackstop(request.settings().clock(), budget, cpuAtClockStart, wallAtClockStart);
            }
            long progress = observation.lastProgressNanos();
            if (progress != progressAtReport) {
                // The reading is up to a watch period late: the step that follows gets that much less slack.
                progressAtReport = progress;
                backstop.reported(observation.lastSubmissionSeconds(), reading.cpuSeconds(), now);
            }
            EvalRow last = observation.lastRow();
            double untimed = last == null ? 0 : last.evalSeconds() + last.loggingSeconds();
            return backstop.verdict(reading.cpuSeconds(), now, untimed);
        }

        /** Reads the channel until the trial JVM closes it. */
        private void listen(ProcessTree tree) {
            if (!channel.accept()) {
                return;
            }
            try {
                String line;
                while ((line = channel.readLine()) != null) {
                    JsonNode message = TrialMessages.parse(line);
                    switch (message.path("type").asText()) {
                        case "started" -> {
                            wallAtClockStart = System.nanoTime();
                            cpuAtClockStart = tree.read().cpuSeconds();
                            observation.started(message.path("state_bytes").asLong());
                        }
                        case "step" -> observation.step(message.path("step").asLong(),
                                message.path("submission_seconds").asDouble());
                        case "eval" -> channel.send(TrialMessages.verdict(
                                observation.evaluated(TrialMessages.row(message))));
                        case "finished" -> observation.finished(TrialMessages.result(message));
                        default -> throw new TrialMessages.ProtocolException("unknown message type '"
                                + message.path("type").asText() + "'");
                    }
                }
            } catch (IOException e) {
                // The trial JVM is gone; its exit code tells the rest.
            } catch (RuntimeException e) {
                protocolError.set(Failures.oneLine(e.getMessage()));
            }
        }

        /** Why the trial failed, as the launcher saw it; {@code null} when the trial reported its own end. */
        String failure(Path log) {
            if (killedBecause != null) {
                return killedBecause;
            }
            if (protocolError.get() != null) {
                return "the trial JVM broke the launcher's protocol: " + protocolError.get();
            }
            if (observation.result() != null) {
                return null;
            }
            String last = lastLine(log);
            String how = exitCode > 128 ? "killed by signal " + (exitCode - 128) : "exited with code " + exitCode;
            if (last.contains("OutOfMemoryError")) {
                return exitCode == 3 ? "out of memory: " + last : "out of memory: trial JVM " + how + ": " + last;
            }
            return "trial JVM " + how + " before reporting its result" + (last.isEmpty() ? "" : ": " + last);
        }
    }

    /**
     * The last line of {@code file} that is not blank and not a stack frame, or "" when there is none; only the file's
     * last {@value #LAST_LINE_WINDOW} bytes are read, and bytes that are not UTF-8 are replaced.
     */
    public static String lastLine(Path file) {
        byte[] end;
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size, LAST_LINE_WINDOW));
            channel.position(size - buffer.capacity());
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // fill the window
            }
            end = Arrays.copyOf(buffer.array(), buffer.position());
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
        List<String> lines = new String(end, StandardCharsets.UTF_8).lines().toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank() && !lines.get(i).startsWith("\tat ")) {
                return Failures.firstLine(lines.get(i));
            }
        }
        return "";
    }
}
