package org.optbench.harness.study;

import java.util.List;

import org.optbench.results.records.TrialRecord;
import org.optbench.tuning.plan.StudyPlan;

/**
 * Runs the trials of a study plan that have no complete record yet. The local executor runs them one after
 * another on this machine; a cluster executor hands them to a scheduler. Both run the same trial code
 * ({@code optbench trial}), and neither changes what a trial does.
 */
public interface StudyExecutor {
    /**
     * Runs the missing trials of {@code plan} and returns the records of all its trials, in plan order.
     *
     * @param plan the study
     * @param layout where records go
     * @param progress hears about each trial
     */
    List<TrialRecord> execute(StudyPlan plan, StudyLayout layout, StudyProgress progress);
}
