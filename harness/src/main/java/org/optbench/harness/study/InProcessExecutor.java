package org.optbench.harness.study;

import java.util.ArrayList;
import java.util.List;

import org.optbench.harness.launch.InProcessTrial;
import org.optbench.results.records.TrialRecord;

/** Runs trials in this JVM, unconfined and one after another: for debugging a submission ({@code --in-process}). */
public final class InProcessExecutor implements StudyExecutor {
    @Override
    public List<TrialRecord> run(List<TrialJob> jobs, StudyProgress progress) {
        List<TrialRecord> records = new ArrayList<>();
        for (TrialJob job : jobs) {
            TrialRecord record = InProcessTrial.run(job.request(), job.trialDir(),
                    progress.trialStarting(job.request()));
            progress.trialFinished(job.request(), record);
            records.add(record);
        }
        return records;
    }
}
