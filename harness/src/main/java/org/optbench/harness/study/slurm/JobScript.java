package org.optbench.harness.study.slurm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.optbench.harness.isolation.ForkedTrial;
import org.optbench.harness.isolation.TrialJvm;
import org.optbench.harness.isolation.TrialSettings;

/**
 * The array job script of a study: task {@code i} runs trial {@code i} of the plan with
 * {@code optbench trial --plan FILE --index i --out EXPERIMENT}, on the java and class path of the installation
 * that submitted it and under the same JVM limits as a local forked trial. The script carries every sbatch option
 * as an {@code #SBATCH} line, so {@code sbatch --array=... job.sh} reruns trials by hand.
 */
final class JobScript {
    private JobScript() {
    }

    /**
     * @param jobName the Slurm job name
     * @param planFile the study plan, on storage the nodes share
     * @param experiment the experiment directory the records go to
     * @param taskOutput the task log pattern ({@code %A} job, {@code %a} array index)
     * @param options placement and limits of each task
     * @param limits the trial JVM's heap, native memory
     * @param settings data directory, hardware class, eval period override, submission jar
     */
    static String render(String jobName, Path planFile, Path experiment, String taskOutput, SlurmOptions options,
                         ForkedTrial.Limits limits, TrialSettings settings) {
        List<String> command = new ArrayList<>(TrialJvm.command(limits));
        command.add("trial");
        command.add("--plan");
        command.add(planFile.toAbsolutePath().toString());
        command.add("--index");
        command.add("\u0000INDEX");
        command.add("--out");
        command.add(experiment.toAbsolutePath().toString());
        if (settings.dataDir() != null) {
            command.add("--data-dir");
            command.add(settings.dataDir());
        }
        if (settings.hardwareClass() != null) {
            command.add("--hardware-class");
            command.add(settings.hardwareClass());
        }
        if (settings.evalPeriodSeconds() != null) {
            command.add("--eval-period-seconds");
            command.add(Double.toString(settings.evalPeriodSeconds()));
        }
        if (settings.submissionJar() != null) {
            command.add("--submission-jar");
            command.add(settings.submissionJar());
            if (settings.submissionClass() != null) {
                command.add("--submission-class");
                command.add(settings.submissionClass());
            }
        }
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/bash\n");
        s.append("# optbench study task: array task i runs trial i of ").append(planFile.toAbsolutePath()).append('\n');
        s.append("# (written by optbench tune --executor slurm; rerun trials by hand with sbatch --array=i,j job.sh)\n");
        s.append("#SBATCH --job-name=").append(jobName).append('\n');
        s.append("#SBATCH --output=").append(taskOutput).append('\n');
        for (String directive : options.directives()) {
            s.append("#SBATCH ").append(directive).append('\n');
        }
        s.append("set -euo pipefail\n");
        s.append("# One native thread, as for local trials: steadier step times, deterministic reductions.\n");
        s.append("export OMP_NUM_THREADS=1\n");
        s.append("echo \"optbench: task ${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID} (job ${SLURM_JOB_ID}) on $(hostname)"
                + ", CUDA_VISIBLE_DEVICES=${CUDA_VISIBLE_DEVICES:-unset}, SLURM_JOB_GPUS=${SLURM_JOB_GPUS:-none}\" >&2\n");
        // Which GPU device files this task may open: with Slurm's device confinement, only its own. Opening one
        // without a driver behind it fails with ENXIO, one the cgroup denies with EPERM.
        s.append("usable=\"\"; denied=\"\"\n");
        s.append("for d in ${OPTBENCH_GPU_DEVICES:-/dev/nvidia[0-9]*}; do\n");
        s.append("  [ -e \"$d\" ] || continue\n");
        s.append("  case \"$( (: < \"$d\") 2>&1)\" in *\"not permitted\"*) denied=\"$denied $d\";; *) usable=\"$usable $d\";; esac\n");
        s.append("done\n");
        s.append("echo \"optbench: GPU device files usable:${usable:- none}; denied:${denied:- none}\" >&2\n");
        s.append("exec");
        for (String arg : command) {
            s.append(' ').append(arg.equals("\u0000INDEX") ? "\"$SLURM_ARRAY_TASK_ID\"" : quote(arg));
        }
        s.append('\n');
        return s.toString();
    }

    /** Single-quotes a word for bash. */
    static String quote(String word) {
        if (word.matches("[A-Za-z0-9_./:=+,@%-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
