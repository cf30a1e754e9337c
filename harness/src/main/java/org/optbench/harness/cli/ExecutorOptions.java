package org.optbench.harness.cli;

import java.util.List;

import org.optbench.api.BadInputException;
import org.optbench.harness.study.ExecutorChoice;
import org.optbench.harness.study.slurm.SlurmOptions;

import picocli.CommandLine.Option;

/** Where a study's trials run: this machine (how many at once), or a Slurm cluster and how tasks are placed. */
final class ExecutorOptions {
    @Option(names = "--executor", defaultValue = "local", paramLabel = "local|slurm",
            description = "local: trials on this machine, each in its own JVM; slurm: one Slurm array task per"
                    + " trial (OUT must be on storage the nodes share). Default: ${DEFAULT-VALUE}.")
    String executor;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Local: trials at once, each pinned to a core of its own (default: the hardware class's"
                    + " cores, capped by this machine's; 1 with the wall clock).")
    Integer jobs;

    @Option(names = "--partition", paramLabel = "P", description = "Slurm: the partition (default: the cluster's).")
    String partition;

    @Option(names = "--gres", paramLabel = "SPEC", description = "Slurm: generic resources per trial, e.g. gpu:1.")
    String gres;

    @Option(names = "--exclusive", description = "Slurm: a whole node per trial.")
    boolean exclusive;

    @Option(names = "--time", paramLabel = "LIMIT",
            description = "Slurm: time limit per trial in sbatch's format, e.g. 30 or 1:00:00 (default: the"
                    + " partition's).")
    String time;

    @Option(names = "--cpus-per-task", defaultValue = "1", paramLabel = "N",
            description = "Slurm: cores per trial (default: ${DEFAULT-VALUE}).")
    int cpusPerTask;

    @Option(names = "--sbatch-arg", paramLabel = "OPT",
            description = "Slurm: a further sbatch option as one token, e.g. --sbatch-arg=--mem=8G (repeatable).")
    List<String> sbatchArgs;

    @Option(names = "--poll-seconds", defaultValue = "5", paramLabel = "S",
            description = "Slurm: how often to ask squeue/sacct how the trials are doing (default: ${DEFAULT-VALUE}).")
    double pollSeconds;

    /** The executor these options name. */
    ExecutorChoice choice() {
        boolean slurmOptionsGiven = partition != null || gres != null || exclusive || time != null
                || sbatchArgs != null;
        switch (executor) {
            case "local":
                if (slurmOptionsGiven) {
                    throw new BadInputException("--partition, --gres, --exclusive, --time and --sbatch-arg need "
                            + "--executor slurm");
                }
                return new ExecutorChoice.Local();
            case "slurm":
                return new ExecutorChoice.Slurm(new SlurmOptions(partition, gres, exclusive, time, cpusPerTask,
                        sbatchArgs, pollSeconds));
            default:
                throw new BadInputException("--executor must be local or slurm, got '" + executor + "'");
        }
    }
}
