package org.optbench.harness.cli;

import java.nio.file.Path;

import org.optbench.harness.launch.Limits;
import org.optbench.harness.study.ExecutorChoice;
import org.optbench.harness.study.RunEnvironment;
import org.optbench.harness.trial.ClockKind;

import picocli.CommandLine.Option;

/** The options every command that runs trials shares: data, hardware class, clock, rules, sandbox, limits. */
final class EnvironmentOptions {
    @Option(names = "--clock", paramLabel = "cpu|wall",
            description = "What times trials: cpu (CPU time of the trial process, which other processes cannot move;"
                    + " the default of the local preset and of run) or wall (AlgoPerf's wall clock; the default of"
                    + " the algoperf-* presets).")
    String clock;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Directory with the four MNIST IDX files for the mnist_mlp family;"
                    + " default: the copy the build fetched.")
    Path dataDir;

    @Option(names = "--hardware-class", paramLabel = "NAME",
            description = "The hardware class whose budgets apply; default: this machine's, or cpu-2core (scaled by"
                    + " the speed probe) when it has none.")
    String hardwareClass;

    @Option(names = "--budgets-dir", paramLabel = "DIR",
            description = "Directory of <hardware-class>.json budget files (from 'optbench calibrate');"
                    + " default: the shipped ones.")
    Path budgetsDir;

    @Option(names = "--strict-hardware",
            description = "Refuse to run when the speed probe finds this machine more than 15 %% off its hardware"
                    + " class, instead of scaling the budgets.")
    boolean strictHardware;

    @Option(names = "--allow-unchecked",
            description = "Run a submission jar even when 'optbench check' finds that it breaks the rules.")
    boolean allowUnchecked;

    @Option(names = "--allow-unknown-hparams",
            description = "Accept hyperparameter names the submission does not name in its defaults or search space.")
    boolean allowUnknownHparams;

    @Option(names = "--no-sandbox",
            description = "Run trial JVMs without the operating system's confinement (bubblewrap), knowingly.")
    boolean noSandbox;

    @Option(names = "--stall-seconds", paramLabel = "N",
            description = "Kill a trial that completes no step for this long (default: ${DEFAULT-VALUE}).")
    long stallSeconds = Limits.defaults().stallSeconds();

    @Option(names = "--trial-max-heap", hidden = true, paramLabel = "SIZE",
            description = "The trial JVM's heap limit, as -Xmx takes it (default: ${DEFAULT-VALUE}).")
    String trialMaxHeap = Limits.defaults().maxHeap();

    @Option(names = "--trial-max-native", hidden = true, paramLabel = "SIZE",
            description = "The trial JVM's native (off-heap) memory limit (default: ${DEFAULT-VALUE}).")
    String trialMaxNative = Limits.defaults().maxNative();

    @Option(names = "--eval-period-seconds", hidden = true, paramLabel = "N",
            description = "Replace every workload's eval period (tests).")
    Double evalPeriodSeconds;

    /** The environment these options describe. */
    RunEnvironment environment(Path out, Integer jobs, ExecutorChoice executor) {
        return new RunEnvironment(out, dataDir, hardwareClass, budgetsDir, strictHardware,
                clock == null ? null : ClockKind.parse(clock), evalPeriodSeconds, allowUnchecked,
                allowUnknownHparams, noSandbox, new Limits(trialMaxHeap, trialMaxNative, stallSeconds), jobs,
                executor);
    }
}
