package org.optbench.harness.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.optbench.api.BadInputException;
import org.optbench.harness.isolation.ProgressProtocol;
import org.optbench.harness.isolation.TrialRequest;
import org.optbench.harness.trial.TrialRunner;
import org.optbench.workloads.Workloads;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs one trial in this JVM: the entry point of a forked trial JVM and of cluster tasks. Prints progress in
 * {@link ProgressProtocol} lines on standard output.
 */
@Command(name = "trial", hidden = true, mixinStandardHelpOptions = true,
        description = "Run one trial in this JVM from a request file (used by forked trial JVMs).")
public final class TrialCommand implements Callable<Integer> {
    @Option(names = "--request", required = true, description = "The trial request (JSON).")
    Path requestFile;

    @Option(names = "--trial-dir", required = true, description = "Where the trial's records go.")
    Path trialDir;

    @Override
    public Integer call() {
        TrialRequest request;
        try {
            request = new ObjectMapper().readValue(requestFile.toFile(), TrialRequest.class);
        } catch (IOException e) {
            throw new BadInputException("trial request " + requestFile + " is not readable: "
                    + Failures.oneLine(e.getMessage()), e);
        }
        String metricColumn = "validation/" + Workloads.create(request.workload(), TrialRunner.options(request))
                .spec().metric();
        TrialRunner.run(request, trialDir, ProgressProtocol.writer(System.out, metricColumn));
        return 0;
    }
}
