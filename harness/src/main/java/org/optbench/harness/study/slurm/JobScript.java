package org.optbench.harness.study.slurm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.optbench.harness.launch.TrialJvm;
import org.optbench.harness.sandbox.JavaCppCache;

/**
 * The array job script of a batch of trials: task {@code i} runs {@code optbench launch --job-dir DIR --index i},
 * the trusted launcher, on the java and class path of the installation that submitted it; the launcher reads trial
 * {@code i}'s serialised job ({@code DIR/jobs/<i>.json}: its request, with every setting, and its record directory),
 * starts the confined trial JVM on the node and writes the record, exactly as a local trial's launcher does. The
 * script carries every sbatch option as an {@code #SBATCH} line, so {@code sbatch --array=... job.sh} reruns trials
 * by hand.
 */
final class JobScript {
    /** The launcher's own heap: it holds a trial's evaluations, not its model. */
    static final String LAUNCHER_HEAP = "512m";

    private JobScript() {
    }

    /**
     * @param jobName the Slurm job name
     * @param jobDir the batch's directory (with {@code jobs/<i>.json}), on storage the nodes share
     * @param taskOutput the task log pattern ({@code %A} job, {@code %a} array index)
     * @param options placement and limits of each task
     */
    static String render(String jobName, Path jobDir, String taskOutput, SlurmOptions options) {
        // The submitting installation's JavaCPP cache, as its local trials use (on shared storage, the nodes share
        // one unpacked copy of ND4J's native libraries).
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + LAUNCHER_HEAP, "-Dorg.bytedeco.javacpp.cachedir=" + JavaCppCache.directory(),
                "-cp", TrialJvm.absoluteClassPath(),
                "org.optbench.harness.cli.Main", "launch", "--job-dir", jobDir.toAbsolutePath().toString(),
                "--index", "\u0000INDEX"));
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/bash\n");
        s.append("# optbench trial task: array task i launches the trial of ").append(jobDir.toAbsolutePath())
                .append("/jobs/i.json\n");
        s.append("# (written by optbench --executor slurm; rerun trials by hand with sbatch --array=i,j job.sh)\n");
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
