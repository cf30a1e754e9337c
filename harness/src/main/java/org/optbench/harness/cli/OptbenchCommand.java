package org.optbench.harness.cli;

import picocli.CommandLine.Command;

/** The top-level command. */
@Command(name = "optbench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "A time-to-result benchmark for training algorithms, in the style of MLCommons AlgoPerf.",
        subcommands = {RunCommand.class, TuneCommand.class, LeaderboardCommand.class, ScoreCommand.class,
                RegressCommand.class, CalibrateCommand.class, CheckCommand.class, WorkloadsCommand.class,
                SubmissionsCommand.class, PlanCommand.class, ProbeCommand.class, TrialCommand.class,
                InspectCommand.class, ProbeWorkerCommand.class, LaunchCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  ./optbench run --workload mnist_mlp --submission adamw",
                "  ./optbench leaderboard --suite quick --ruleset self-tuning \\",
                "      --submissions adamw,nadamw,sgd_nesterov,shampoo,sonew,sketchy \\",
                "      --out leaderboard",
                "  ./optbench workloads",
                "  ./optbench run --help"})
public final class OptbenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
