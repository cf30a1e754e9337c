package org.optbench.harness.study;

import org.optbench.harness.launch.TrialRequest;
import org.optbench.harness.trial.TrialListener;
import org.optbench.results.records.TrialRecord;

/**
 * Hears how a study goes, trial by trial. With several trials at once, calls for different trials come from
 * different threads.
 */
public interface StudyProgress {
    /** Before the first trial: how many are to run, their total budget, and how many run at once. */
    default void starting(int toRun, int alreadyComplete, double totalBudgetSeconds, int parallel) {
    }

    /** A trial starts; the returned listener hears its steps and evaluations. */
    default TrialListener trialStarting(TrialRequest trial) {
        return TrialListener.NONE;
    }

    /** A trial ended with this record. */
    default void trialFinished(TrialRequest trial, TrialRecord record) {
    }

    /** A line about the study as a whole, e.g. a cluster executor's submission and queue status. */
    default void note(String line) {
    }

    /** Hears nothing. */
    StudyProgress NONE = new StudyProgress() {
    };
}
