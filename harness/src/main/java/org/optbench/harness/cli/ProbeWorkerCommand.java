package org.optbench.harness.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.optbench.harness.launch.ChannelClient;
import org.optbench.harness.launch.TrialMessages;
import org.optbench.harness.probe.ProbeWorker;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The speed probe's JVM: measures the workloads and reports to the process that asked. */
@Command(name = "probe-worker", hidden = true, mixinStandardHelpOptions = true,
        description = "Measure the speed probe's figures, reporting to the launcher (started by optbench itself).")
public final class ProbeWorkerCommand implements Callable<Integer> {
    @Option(names = "--workloads", split = ",", required = true, description = "Base workloads.")
    List<String> workloads;

    @Option(names = "--channel", required = true, description = "The launcher's socket.")
    Path channel;

    @Override
    public Integer call() {
        try (ChannelClient client = ChannelClient.connect(channel)) {
            client.send(TrialMessages.report(ProbeWorker.measure(workloads)));
        }
        return 0;
    }
}
