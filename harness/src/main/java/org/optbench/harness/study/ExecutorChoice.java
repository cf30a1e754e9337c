package org.optbench.harness.study;

import java.nio.file.Path;
import java.util.List;

import org.optbench.api.BadInputException;
import org.optbench.harness.study.slurm.SlurmExecutor;
import org.optbench.harness.study.slurm.SlurmOptions;
import org.optbench.harness.trial.ClockKind;

/**
 * Where a command's trials run, and how that executor is made: the one place a new executor is added (with its
 * option in the commands' executor options); every command that runs trials then has it.
 */
public sealed interface ExecutorChoice {
    /**
     * The executor, with the limits its trials run under and lines for the user.
     *
     * @param env the options
     * @param clock the study's clock
     * @param hardwareClass the class the study runs as
     * @param dir where an executor may keep its own files (job scripts, logs)
     */
    ExecutorFactory.Sized create(RunEnvironment env, ClockKind clock, String hardwareClass, Path dir);

    /** On this machine, each trial launched in a JVM of its own, one per core. */
    record Local() implements ExecutorChoice {
        @Override
        public ExecutorFactory.Sized create(RunEnvironment env, ClockKind clock, String hardwareClass, Path dir) {
            return ExecutorFactory.local(env, clock, hardwareClass);
        }
    }

    /** In this JVM, unconfined (debugging). */
    record InProcess() implements ExecutorChoice {
        @Override
        public ExecutorFactory.Sized create(RunEnvironment env, ClockKind clock, String hardwareClass, Path dir) {
            return new ExecutorFactory.Sized(new InProcessExecutor(), env.limits(), List.of());
        }
    }

    /** On a Slurm cluster, one array task per trial. */
    record Slurm(SlurmOptions options) implements ExecutorChoice {
        @Override
        public ExecutorFactory.Sized create(RunEnvironment env, ClockKind clock, String hardwareClass, Path dir) {
            if (env.jobs() != null) {
                throw new BadInputException("--jobs is for the local executor; Slurm runs one trial per task");
            }
            return new ExecutorFactory.Sized(new SlurmExecutor(options, dir), env.limits(), List.of());
        }
    }
}
