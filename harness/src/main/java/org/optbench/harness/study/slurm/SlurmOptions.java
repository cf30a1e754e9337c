package org.optbench.harness.study.slurm;

import java.util.List;

import org.optbench.api.BadInputException;

/**
 * How each trial task of a study is placed on a Slurm cluster: one task per trial, each with one GPU
 * ({@code gres}) or a whole node ({@code exclusive}) to itself.
 *
 * @param partition the partition to submit to, or {@code null} for the cluster's default
 * @param gres generic resources per task, e.g. {@code gpu:1}, or {@code null}
 * @param exclusive whether each task gets a whole node
 * @param time the time limit per task in any of sbatch's formats, or {@code null} for the partition's default
 * @param cpusPerTask cores per task
 * @param sbatchArgs further sbatch options, each one {@code --name=value} or {@code --flag} token
 * @param pollSeconds how often the parent asks the scheduler how the tasks are doing
 */
public record SlurmOptions(String partition, String gres, boolean exclusive, String time, int cpusPerTask,
                           List<String> sbatchArgs, double pollSeconds) {
    /** Checks the options as a user gave them; one line naming the option on a mistake. */
    public SlurmOptions {
        sbatchArgs = sbatchArgs == null ? List.of() : List.copyOf(sbatchArgs);
        if (gres != null && exclusive) {
            throw new BadInputException("--gres and --exclusive both ask for a task's placement; give one of them");
        }
        if (cpusPerTask < 1) {
            throw new BadInputException("--cpus-per-task must be at least 1, got " + cpusPerTask);
        }
        if (!(pollSeconds > 0)) {
            throw new BadInputException("--poll-seconds must be positive, got " + pollSeconds);
        }
        for (String value : new String[] {partition, gres, time}) {
            requireOneLine(value, value);
        }
        for (String arg : sbatchArgs) {
            requireOneLine(arg, "--sbatch-arg " + arg);
            if (!arg.startsWith("-") || arg.contains(" ")) {
                throw new BadInputException("--sbatch-arg expects one sbatch option as a single token such as "
                        + "--mem=8G or --qos=normal, got '" + arg + "'");
            }
        }
    }

    private static void requireOneLine(String value, String what) {
        if (value != null && (value.isBlank() || value.contains("\n") || value.contains("\r"))) {
            throw new BadInputException("Slurm option '" + what + "' must be a non-empty single line");
        }
    }

    /** The {@code #SBATCH} options these settings amount to, in the order the job script lists them. */
    public List<String> directives() {
        List<String> d = new java.util.ArrayList<>();
        d.add("--ntasks=1");
        d.add("--cpus-per-task=" + cpusPerTask);
        if (partition != null) {
            d.add("--partition=" + partition);
        }
        if (gres != null) {
            d.add("--gres=" + gres);
        }
        if (exclusive) {
            d.add("--exclusive");
        }
        if (time != null) {
            d.add("--time=" + time);
        }
        d.addAll(sbatchArgs);
        return d;
    }
}
