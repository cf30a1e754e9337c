package org.optbench.harness.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.optbench.harness.launch.TrialChild;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The trial JVM's entry point, started by a trial's launcher: runs the request and reports over the channel. */
@Command(name = "trial", hidden = true, mixinStandardHelpOptions = true,
        description = "Run one trial in this JVM, reporting to its launcher (started by optbench itself).")
public final class TrialCommand implements Callable<Integer> {
    @Option(names = "--request", required = true, description = "The trial request (JSON).")
    Path requestFile;

    @Option(names = "--channel", required = true, description = "The launcher's socket.")
    Path channel;

    @Option(names = "--exit-with-parent", hidden = true,
            description = "Exit when standard input closes: the launcher that started this JVM is gone.")
    boolean exitWithParent;

    @Option(names = "--own-pid-namespace", hidden = true,
            description = "This JVM runs in a PID namespace of its own (the sandbox): every other process in it is "
                    + "the trial's.")
    boolean ownPidNamespace;

    @Override
    public Integer call() {
        if (exitWithParent) {
            ParentWatch.start();
        }
        TrialChild.run(requestFile, channel, ownPidNamespace);
        return 0;
    }
}
