package org.optbench.harness.study;

import java.nio.file.Path;

import org.optbench.harness.launch.Limits;
import org.optbench.harness.launch.SandboxMode;
import org.optbench.harness.trial.ClockKind;

/**
 * How and where a command's trials run, whatever they train: what the commands' shared options say.
 *
 * @param out the output directory
 * @param dataDir the MNIST directory for the {@code mnist_mlp} family, or {@code null}
 * @param hardwareClass the class the user named, or {@code null} for the machine's
 * @param budgetsDir the user's budgets directory, or {@code null}
 * @param strictHardware refuse, instead of scaling budgets, when the speed probe differs from the class's
 * @param clock the clock the user chose, or {@code null} for the ruleset preset's
 * @param evalPeriodSeconds an eval period replacing the workloads', or {@code null}
 * @param allowUnchecked run a jar that fails the check
 * @param allowUnknownHparams let hyperparameter names through that the submission does not name
 * @param sandboxOff run trial JVMs unconfined ({@code --no-sandbox})
 * @param limits heap, native memory and stall limit of each trial JVM
 * @param jobs how many trials run at once on this machine, or {@code null} for the class's cores
 * @param executor where trials run
 */
public record RunEnvironment(Path out, Path dataDir, String hardwareClass, Path budgetsDir, boolean strictHardware,
                             ClockKind clock, Double evalPeriodSeconds, boolean allowUnchecked,
                             boolean allowUnknownHparams, boolean sandboxOff, Limits limits, Integer jobs,
                             ExecutorChoice executor) {
    /** The sandbox mode for a submission: required for a jar, where-available for a built-in, or off. */
    public SandboxMode sandboxFor(SubmissionChoice submission) {
        return sandboxOff ? SandboxMode.OFF : submission.isJar() ? SandboxMode.REQUIRED : SandboxMode.AUTO;
    }
}
