package org.optbench.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.optbench.harness.calibration.Calibration;
import org.optbench.harness.calibration.CalibrationRun;
import org.optbench.workloads.WorkloadSpec;
import org.optbench.workloads.Workloads;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code optbench calibrate}: AlgoPerf's target setting for one workload, and its budget on this hardware class. */
@Command(name = "calibrate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Set a workload's targets and budget the AlgoPerf way: a small quasi-random search of the "
                + "AdamW, NAdamW, Nesterov and heavy-ball baselines, the best configuration rerun on several seeds, "
                + "validation target = median of their best validation values, budget = 4/3 of their median time "
                + "to target.",
                "Writes OUT/calibration-<workload>.json and updates OUT/budgets/<hardware-class>.json (or the "
                        + "--budgets-dir file) with the budget, the clock and this machine's speed-probe figure."},
        footerHeading = "%nExamples:%n",
        footer = {"  ./optbench calibrate --workload quadratic --out calibration",
                "  ./optbench calibrate --workload mnist_mlp --trials 2 --seeds 2 \\",
                "      --out calibration"})
public final class CalibrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--workload", required = true, paramLabel = "W", description = "Workload or variant.")
    String workload;

    @Option(names = "--baselines", split = ",", paramLabel = "S",
            description = "Baselines that search, comma-separated; default: adamw,nadamw,sgd_nesterov,sgd_momentum.")
    List<String> baselines = Calibration.BASELINES;

    @Option(names = "--trials", defaultValue = "4", paramLabel = "N",
            description = "Search trials per baseline (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--seeds", defaultValue = "3", paramLabel = "N",
            description = "Reruns of the best configuration (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--search-budget-seconds", paramLabel = "N",
            description = "Budget of every search trial and rerun; default: 2 x the workload's current budget.")
    Double searchBudgetSeconds;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N",
            description = "Experiment seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the runs and results go.")
    Path out;

    @Mixin
    ExecutorOptions executor;

    @Mixin
    EnvironmentOptions environment;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        WorkloadSpec workloadSpec = Workloads.spec(workload);
        CalibrationRun.Written written;
        try (StudyProgressDisplay progress = new StudyProgressDisplay(stderr)) {
            written = CalibrationRun.run(environment.environment(out, executor.jobs, executor.choice()), workload,
                    baselines, trials, seeds, searchBudgetSeconds, seed, progress, line -> Notes.print(stderr, line));
        }
        Calibration.Result result = written.result();
        String arrow = result.direction().comparator();
        stdout.printf(Locale.ROOT, "%s calibrated on %s (%d search trials per baseline, %d reruns, %.1f s each)%n",
                workload, written.hardwareClass(), trials, seeds, written.searchBudgetSeconds());
        stdout.printf(Locale.ROOT, "  best configuration  %s %s%n", result.bestSubmission(), result.bestHyperparameters());
        stdout.printf(Locale.ROOT, "  reruns' best        %s%n", result.rerunBest());
        stdout.printf(Locale.ROOT, "  validation target   %s %s %.6g (was %.6g)%n", result.metric(), arrow,
                result.validationTarget(), workloadSpec.validationTarget());
        stdout.printf(Locale.ROOT, "  test target         %s %s %.6g (was %.6g)%n", result.metric(), arrow,
                result.testTarget(), workloadSpec.testTarget());
        stdout.printf(Locale.ROOT, "  times to target     %s s, median %.3f s%n", result.rerunTimesToTarget(),
                result.medianTimeToTargetSeconds());
        stdout.printf(Locale.ROOT, "  budget              %.1f s for %s, written to %s%n", written.budgetSeconds(),
                written.hardwareClass(), written.budgetsFile());
        stdout.println("  Targets are the workload's own: put them into its spec (workloads/README.md) if they should "
                + "replace the current ones.");
        stdout.flush();
        return 0;
    }
}
