package org.optbench.harness.trial;

/** Why a trial's loop ended. */
public enum StopReason {
    /** The submission-time budget was spent. */
    BUDGET("budget"),
    /** Both the validation and the test target were reached. */
    TARGETS_REACHED("targets_reached"),
    /** The training loss was not finite. */
    DIVERGED("diverged"),
    /** The submission said training is complete. */
    TRAINING_COMPLETE("training_complete"),
    /** The submission or the trial failed: an exception, running out of memory, an exit, a hang. */
    FAILED("failed");

    private final String recordName;

    StopReason(String recordName) {
        this.recordName = recordName;
    }

    /** The value written to {@code trial.json}'s {@code stop_reason}. */
    public String recordName() {
        return recordName;
    }
}
