package org.optbench.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.optbench.harness.study.ExecutorChoice;
import org.optbench.harness.study.SingleRun;
import org.optbench.harness.study.SubmissionChoice;
import org.optbench.workloads.Workloads;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code optbench run}: one trial of one submission on one workload, in a JVM of its own. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Train a submission on a workload until it reaches the validation target or spends its "
                + "budget, and write the trial's records.",
                "Records go to DIR/<submission>/study_0/<workload>/trial_<k>/ with the next free k."},
        footerHeading = "%nExamples:%n",
        footer = {"  ./optbench run --workload mnist_mlp --submission adamw",
                "  ./optbench run --workload quadratic --submission sgd_nesterov --seed 1"})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--workload", required = true, paramLabel = "W",
            description = "Workload or variant name (see 'optbench workloads').")
    String workload;

    @Option(names = "--submission", required = true, paramLabel = "S",
            description = "Built-in submission name (see 'optbench submissions') or a path to a submission jar.")
    String submission;

    @Option(names = "--submission-class", paramLabel = "CLASS",
            description = "For a jar that offers several submissions: the class to run.")
    String submissionClass;

    @Option(names = "--hparams", paramLabel = "FILE",
            description = "Hyperparameters as a JSON object, replacing those of the submission's default point.")
    Path hparamsFile;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Trial seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--budget-seconds", paramLabel = "N",
            description = "Submission-time budget; default: the workload's in the hardware class, scaled by the speed"
                    + " probe.")
    Double budgetSeconds;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs",
            description = "Experiment directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--in-process", description = "Run the trial in this JVM, unconfined, instead of a launched one"
            + " (for debugging).")
    boolean inProcess;

    @Mixin
    EnvironmentOptions environment;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Map<String, Object> overrides = hparamsFile == null ? Map.of() : HyperParameterFiles.read(hparamsFile).asMap();
        SingleRun.Result result;
        String task = submission + " on " + workload;
        Workloads.spec(workload);
        try (TrialProgress progress = TrialProgress.start(task, Workloads.spec(workload), stderr)) {
            result = SingleRun.run(environment.environment(out, null, inProcess ? new ExecutorChoice.InProcess()
                            : new ExecutorChoice.Local()), new SubmissionChoice(submission, submissionClass), workload,
                    overrides, hparamsFile == null ? "--hparams" : "hyperparameter file '" + hparamsFile + "'", seed,
                    budgetSeconds, progress, line -> Notes.print(stderr, line));
        }
        Notes.warnIfContended(stderr, result.record());
        stdout.print(Summary.of(result.record(), result.trialDir()));
        stdout.flush();
        return 0;
    }
}
