package org.optbench.harness.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.optbench.harness.catalog.JarInspector;
import org.optbench.harness.launch.ChannelClient;
import org.optbench.harness.launch.TrialMessages;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A confined, time-limited JVM's entry point: inspects a submission jar and reports to the process that asked. */
@Command(name = "inspect", hidden = true, mixinStandardHelpOptions = true,
        description = "Check and describe a submission jar, reporting to the launcher (started by optbench itself).")
public final class InspectCommand implements Callable<Integer> {
    @Option(names = "--jar", required = true, description = "The jar.")
    Path jar;

    @Option(names = "--describe-despite-findings", description = "Run the hooks of a jar with findings too.")
    boolean describeDespiteFindings;

    @Option(names = "--channel", required = true, description = "The launcher's socket.")
    Path channel;

    @Override
    public Integer call() {
        // Connected before any of the jar's code is loaded: the only channel back is the harness's own.
        try (ChannelClient client = ChannelClient.connect(channel)) {
            client.send(TrialMessages.report(JarInspector.inspect(jar, describeDespiteFindings)));
        }
        return 0;
    }
}
