package org.optbench.harness.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.optbench.harness.launch.Placement;
import org.optbench.harness.launch.TrialLauncher;
import org.optbench.harness.study.TrialJob;
import org.optbench.harness.trial.TrialListener;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A cluster task's entry point: the trusted launcher of one trial, {@code --job-dir DIR --index i} naming its
 * serialised job ({@code DIR/jobs/<i>.json}), exactly as a local trial is launched.
 */
@Command(name = "launch", hidden = true, mixinStandardHelpOptions = true,
        description = "Launch one serialised trial job and write its record (a cluster task's command).")
public final class LaunchCommand implements Callable<Integer> {
    @Option(names = "--job-dir", required = true, description = "The batch directory with jobs/<i>.json.")
    Path jobDir;

    @Option(names = "--index", required = true, description = "The job's index (the array task id).")
    int index;

    @Override
    public Integer call() {
        TrialJob job = TrialJob.read(jobDir.resolve("jobs").resolve(index + ".json"));
        TrialLauncher.run(job.request(), job.trialDir(), TrialListener.NONE, Placement.alone());
        return 0;
    }
}
