package org.optbench.harness.study;

import java.nio.file.Path;

import org.optbench.harness.launch.TrialRequest;
import org.optbench.harness.launch.TrialSettings;
import org.optbench.tuning.plan.StudyPlan;
import org.optbench.tuning.plan.TrialSpec;

/**
 * A study ready to run: its plan, where its files go, and the settings every one of its trials runs with.
 *
 * @param plan the trials
 * @param layout where the plan file and records go
 * @param settings how each trial runs
 * @param writesPlanFile whether the study keeps a {@code plan.json} (a tuning study does; a single run does not)
 */
public record PlannedStudy(StudyPlan plan, StudyLayout layout, TrialSettings settings, boolean writesPlanFile) {
    /** The record directory of one of the plan's trials. */
    public Path trialDir(TrialSpec spec) {
        return layout.trialDir(spec);
    }

    /** The job of one of the plan's trials. */
    public TrialJob job(TrialSpec spec) {
        return new TrialJob(new TrialRequest(spec, settings), trialDir(spec));
    }
}
