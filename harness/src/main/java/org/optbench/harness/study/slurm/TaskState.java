package org.optbench.harness.study.slurm;

import java.util.Set;

/**
 * What Slurm's accounting says about one array task.
 *
 * @param state the job state as {@code sacct} prints it, e.g. {@code COMPLETED}, {@code CANCELLED by 0},
 *     {@code TIMEOUT}
 * @param exitCode {@code <code>:<signal>} of the task's batch script
 */
record TaskState(String state, String exitCode) {
    private static final Set<String> ACTIVE = Set.of("PENDING", "RUNNING", "REQUEUED", "RESIZING", "SUSPENDED",
            "COMPLETING", "CONFIGURING", "STAGE_OUT", "SIGNALING", "REQUEUE_FED", "REQUEUE_HOLD", "RESV_DEL_HOLD",
            "REVOKED", "STOPPED");

    /** Whether the task is over (the state's first word is none of the pending or running states). */
    boolean terminal() {
        return !ACTIVE.contains(state.split(" ")[0]);
    }

    @Override
    public String toString() {
        return state + " (exit code " + exitCode + ")";
    }
}
