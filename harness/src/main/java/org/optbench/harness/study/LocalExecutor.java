package org.optbench.harness.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.optbench.harness.isolation.ForkedTrial;
import org.optbench.harness.isolation.TrialRequest;
import org.optbench.harness.isolation.TrialSettings;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialRecordWriter;
import org.optbench.results.records.TrialRecords;
import org.optbench.tuning.plan.StudyPlan;
import org.optbench.tuning.plan.TrialSpec;

/**
 * Runs a study's missing trials one after another on this machine, each alone, each in a JVM of its own. A trial
 * with a complete record is skipped ({@link FinishedTrials}: only when the record is that trial's), so running the
 * same plan again after an interruption runs only what is missing; a trial cut off midway left only its staging
 * directory, and is run again from the start.
 */
public final class LocalExecutor implements StudyExecutor {
    private final TrialSettings settings;
    private final ForkedTrial.Limits limits;

    /**
     * @param settings how each trial runs here (data, hardware class, submission jar, ...)
     * @param limits heap, native memory and watchdog of each trial JVM
     */
    public LocalExecutor(TrialSettings settings, ForkedTrial.Limits limits) {
        this.settings = settings;
        this.limits = limits;
    }

    @Override
    public List<TrialRecord> execute(StudyPlan plan, StudyLayout layout, StudyProgress progress) {
        List<TrialSpec> missing = new ArrayList<>();
        double budget = 0;
        for (TrialSpec spec : plan.trials()) {
            if (!FinishedTrials.holds(layout.trialDir(spec), spec)) {
                missing.add(spec);
                budget += spec.budgetSeconds();
            }
        }
        progress.starting(missing.size(), plan.trials().size() - missing.size(), budget);
        for (TrialSpec spec : missing) {
            TrialRequest request = new TrialRequest(spec, settings);
            TrialRecord record = ForkedTrial.run(request, layout.trialDir(spec), progress.trialStarting(spec), limits);
            progress.trialFinished(spec, record);
        }
        List<TrialRecord> records = new ArrayList<>();
        for (TrialSpec spec : plan.trials()) {
            Path trialDir = layout.trialDir(spec);
            records.add(TrialRecords.readRecord(trialDir.resolve(TrialRecordWriter.TRIAL_FILE)));
        }
        return records;
    }
}
