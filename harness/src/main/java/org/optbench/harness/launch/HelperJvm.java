package org.optbench.harness.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;

import org.optbench.harness.trial.Failures;

/**
 * A short-lived JVM that runs one hidden subcommand ({@code optbench inspect}, {@code optbench probe-worker}) and
 * sends back one report over the channel, confined like a trial and killed, with everything it started, when it
 * takes longer than its time limit or when it is done. Code that may be hostile (a jar's static initialisers,
 * constructors and hooks) runs only in such a JVM or in a trial's, never in the process that plans a study.
 */
public final class HelperJvm {
    private HelperJvm() {
    }

    /** Why a helper JVM gave no report. */
    public static final class NoReport extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoReport(String message) {
            super(message);
        }
    }

    /**
     * Runs {@code optbench <arguments> --channel SOCKET} and returns the payload of its report.
     *
     * @param arguments the subcommand and its options
     * @param settings where its heap and sandbox come from
     * @param readOnly further paths it must read (a jar)
     * @param timeLimitSeconds how long it may take, in wall-clock seconds
     * @throws NoReport when it ended, or was killed, without a report
     */
    public static JsonNode run(List<String> arguments, TrialSettings settings, List<Path> readOnly,
                               long timeLimitSeconds) {
        Confinement confinement = Confinement.forHelper(settings, readOnly);
        Path scratch;
        try {
            scratch = Files.createTempDirectory("optbench-helper-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
        Path log = scratch.resolve("output.log");
        try (ChannelServer channel = ChannelServer.listen(scratch.resolve("channel.sock"))) {
            List<String> command = new ArrayList<>(TrialJvm.command(settings.limits()));
            command.addAll(arguments);
            command.addAll(List.of("--channel", channel.socket().toString()));
            command = confinement.wrap(command, scratch);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            BoundedLog output = BoundedLog.start(process.getInputStream(), log, "helper-output");
            ProcessTree tree = new ProcessTree(process.toHandle());
            AtomicReference<JsonNode> report = new AtomicReference<>();
            AtomicReference<String> broken = new AtomicReference<>();
            Thread reader = new Thread(() -> {
                if (!channel.accept()) {
                    return;
                }
                try {
                    String line = channel.readLine();
                    if (line != null) {
                        JsonNode message = TrialMessages.parse(line);
                        if (!"report".equals(message.path("type").asText()) || !message.has("report")) {
                            throw new TrialMessages.ProtocolException("expected a report");
                        }
                        report.set(message.get("report"));
                    }
                } catch (IOException | RuntimeException e) {
                    broken.set(Failures.oneLine(e.getMessage()));
                }
            }, "helper-channel");
            reader.setDaemon(true);
            reader.start();
            boolean ended = process.waitFor(timeLimitSeconds, TimeUnit.SECONDS);
            tree.killAll();
            process.waitFor();
            output.finish();
            channel.close();
            reader.join(5000);
            if (report.get() != null) {
                return report.get();
            }
            if (!ended) {
                throw new NoReport("did not finish within " + timeLimitSeconds + " s and was killed");
            }
            if (broken.get() != null) {
                throw new NoReport("broke the protocol: " + broken.get());
            }
            String last = TrialLauncher.lastLine(log);
            throw new NoReport("ended with exit code " + process.exitValue() + " without a report"
                    + (last.isEmpty() ? "" : ": " + last));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a helper JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a helper JVM", e);
        } finally {
            RecordDirectory.deleteRecursively(scratch);
        }
    }
}
