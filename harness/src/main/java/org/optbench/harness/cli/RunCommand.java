package org.optbench.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.optbench.api.BadInputException;
import org.optbench.api.HyperParameters;
import org.optbench.api.Submission;
import org.optbench.harness.budgets.Budgets;
import org.optbench.harness.catalog.SubmissionSource;
import org.optbench.harness.isolation.ForkedTrial;
import org.optbench.harness.jar.JarCheck;
import org.optbench.harness.isolation.TrialRequest;
import org.optbench.harness.isolation.TrialSettings;
import org.optbench.harness.trial.TrialRunner;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialRecordWriter;
import org.optbench.tuning.plan.Ruleset;
import org.optbench.tuning.plan.TrialSpec;
import org.optbench.workloads.Workload;
import org.optbench.workloads.WorkloadSpec;
import org.optbench.workloads.Workloads;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code optbench run}: one trial of one submission on one workload, in a JVM of its own. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a submission on a workload until it reaches the validation target or spends its "
                + "budget, and write the trial's records.",
                "Records go to DIR/<submission>/study_0/<workload>/trial_<k>/ with the next free k."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--workload", required = true, paramLabel = "W", description = "Workload or variant name (see 'optbench workloads').")
    String workload;

    @Option(names = "--submission", required = true, paramLabel = "S",
            description = "Built-in submission name (see 'optbench submissions') or a path to a submission jar (*.jar).")
    String submission;

    @Option(names = "--submission-class", paramLabel = "CLASS",
            description = "For a jar that offers several submissions: the class to run.")
    String submissionClass;

    @Option(names = "--allow-unchecked", description = "Run a jar even when 'optbench check' finds that it breaks the rules.")
    boolean allowUnchecked;

    @Option(names = "--hparams", paramLabel = "FILE", description = "Hyperparameters as a JSON object; default: the submission's self-tuning default point.")
    Path hparamsFile;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Trial seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--budget-seconds", paramLabel = "N", description = "Submission-time budget; default: the workload's.")
    Double budgetSeconds;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs", description = "Experiment directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Directory with the four MNIST IDX files for the mnist_mlp family;"
                    + " default: the copy the build fetched.")
    Path dataDir;

    @Option(names = "--hardware-class", paramLabel = "NAME", description = "Hardware class to record; default: derived from this machine.")
    String hardwareClass;

    @Option(names = "--budgets-dir", paramLabel = "DIR", description = "Directory of <hardware-class>.json budget files "
            + "(from 'optbench calibrate'); default: the shipped ones.")
    Path budgetsDir;

    @Option(names = "--in-process", description = "Run the trial in this JVM instead of a forked one (for debugging).")
    boolean inProcess;

    @Option(names = "--stall-seconds", hidden = true, paramLabel = "N",
            description = "Kill a trial JVM that prints no progress for this long (default: ${DEFAULT-VALUE}).")
    long stallSeconds = ForkedTrial.Limits.defaults().stallSeconds();

    @Option(names = "--trial-max-heap", hidden = true, paramLabel = "SIZE",
            description = "The trial JVM's heap limit, as -Xmx takes it (default: ${DEFAULT-VALUE}).")
    String trialMaxHeap = ForkedTrial.Limits.defaults().maxHeap();

    @Option(names = "--trial-max-native", hidden = true, paramLabel = "SIZE",
            description = "The trial JVM's native (off-heap) memory limit (default: ${DEFAULT-VALUE}).")
    String trialMaxNative = ForkedTrial.Limits.defaults().maxNativeBytes();

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        Workload resolved = Workloads.create(workload, TrialRunner.options(settings()));
        WorkloadSpec workloadSpec = resolved.spec();
        if (SubmissionSource.isJar(submission)) {
            submission = Path.of(submission).toAbsolutePath().normalize().toString();
            if (!allowUnchecked) {
                JarCheck.requirePassed(Path.of(submission));
            }
        } else if (submissionClass != null) {
            throw new BadInputException("--submission-class applies to a jar, not to the built-in '" + submission + "'");
        }
        if (!(stallSeconds > 0)) {
            throw new BadInputException("--stall-seconds must be positive, got " + stallSeconds);
        }
        ForkedTrial.Limits limits = new ForkedTrial.Limits(trialMaxHeap, trialMaxNative, stallSeconds);
        Submission instance = SubmissionSource.load(submission, submissionClass);
        Map<String, Object> hyperparameters = hparamsFile == null
                ? instance.defaultHyperParameters().asMap()
                : HyperParameterFiles.read(hparamsFile).asMap();
        Budgets budgets = Budgets.resolve(hardwareClass, budgetsDir);
        double budget = budgetSeconds != null ? budgetSeconds : budgets.budgetSeconds(workloadSpec);
        if (!(budget > 0)) {
            throw new BadInputException("--budget-seconds must be positive, got " + budget);
        }
        Path experiment = writableDirectory(out);
        int trial = nextFreeTrial(experiment, instance.name(), workloadSpec.name());
        Path trialDir = TrialRecordWriter.trialDirectory(experiment, instance.name(), 0, workloadSpec.name(), trial);
        TrialRequest request = request(instance.name(), hyperparameters, budget, trial);

        TrialRecord record;
        try (TrialProgress listener = TrialProgress.start(instance.name() + " on " + workloadSpec.name(),
                workloadSpec, budget, spec.commandLine().getErr())) {
            record = inProcess
                    ? TrialRunner.run(request, trialDir, listener)
                    : ForkedTrial.run(request, trialDir, listener, limits);
        }
        stdout.print(Summary.of(record, trialDir));
        stdout.flush();
        return 0;
    }

    private TrialRequest request(String submissionName, Map<String, Object> hyperparameters, double budget,
                                 int trial) {
        // A single run is a one-trial self-tuning study of its own.
        TrialSpec spec = new TrialSpec(submissionName, workload, "single", Ruleset.Kind.SELF_TUNING, 0, trial,
                hyperparameters, seed, budget);
        return new TrialRequest(spec, settings());
    }

    private TrialSettings settings() {
        TrialSettings settings = TrialSettings.defaults()
                .withDataDir(dataDir == null ? null : dataDir.toAbsolutePath().toString())
                .withHardwareClass(hardwareClass);
        return SubmissionSource.isJar(submission) ? settings.withSubmissionJar(submission, submissionClass) : settings;
    }

    static Path writableDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new BadInputException("cannot create output directory '" + dir + "': "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : Failures.oneLine(e.getMessage())));
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new BadInputException("output directory '" + dir + "' is not a writable directory");
        }
        return dir;
    }

    private static int nextFreeTrial(Path experiment, String submissionName, String workloadName) {
        int trial = 1;
        while (Files.exists(TrialRecordWriter.trialDirectory(experiment, submissionName, 0, workloadName, trial))) {
            trial++;
        }
        return trial;
    }
}
