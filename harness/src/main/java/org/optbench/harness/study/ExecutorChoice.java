package org.optbench.harness.study;

import org.optbench.harness.study.slurm.SlurmOptions;

/** Where a command's trials run. */
public sealed interface ExecutorChoice {
    /** On this machine, each trial launched in a JVM of its own. */
    record Local() implements ExecutorChoice {
    }

    /** In this JVM, unconfined (debugging). */
    record InProcess() implements ExecutorChoice {
    }

    /** On a Slurm cluster, one array task per trial. */
    record Slurm(SlurmOptions options) implements ExecutorChoice {
    }
}
