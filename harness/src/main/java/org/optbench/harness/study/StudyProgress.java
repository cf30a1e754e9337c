package org.optbench.harness.study;

import org.optbench.harness.trial.TrialListener;
import org.optbench.results.records.TrialRecord;
import org.optbench.tuning.plan.TrialSpec;

/** Hears how a study goes, trial by trial. */
public interface StudyProgress {
    /** Before the first trial: how many are to run and their total budget. */
    default void starting(int toRun, int alreadyComplete, double totalBudgetSeconds) {
    }

    /** A trial starts; the returned listener hears its steps and evaluations. */
    default TrialListener trialStarting(TrialSpec spec) {
        return TrialListener.NONE;
    }

    /** A trial ended with this record. */
    default void trialFinished(TrialSpec spec, TrialRecord record) {
    }

    /** A line about the study as a whole, e.g. a cluster executor's submission and queue status. */
    default void note(String line) {
    }

    /** Hears nothing. */
    StudyProgress NONE = new StudyProgress() {
    };
}
