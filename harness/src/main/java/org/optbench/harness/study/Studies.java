package org.optbench.harness.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.optbench.api.BadInputException;
import org.optbench.harness.launch.TrialRecordFactory;
import org.optbench.results.records.AtomicFiles;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialRecordWriter;
import org.optbench.results.records.TrialRecords;
import org.optbench.tuning.plan.PlanJson;
import org.optbench.tuning.plan.StudyPlan;
import org.optbench.tuning.plan.TrialSpec;

/**
 * Runs studies: writes (or checks) each plan's {@code plan.json}, hands every trial without a complete record to
 * one executor, as one list, so that trials of several submissions fill the machine's cores together, and reads
 * the records back. Running the same studies again runs only what is missing.
 */
public final class Studies {
    private Studies() {
    }

    /**
     * Runs the missing trials of {@code studies}.
     *
     * @return each study's records, in plan order
     */
    public static List<List<TrialRecord>> run(List<PlannedStudy> studies, StudyExecutor executor,
                                              StudyProgress progress) {
        List<TrialJob> missing = new ArrayList<>();
        int complete = 0;
        double budget = 0;
        for (PlannedStudy study : studies) {
            if (study.writesPlanFile()) {
                writeOrCheckPlan(study);
            }
            for (TrialSpec spec : study.plan().trials()) {
                if (FinishedTrials.holds(study.trialDir(spec), spec, study.settings().clock())) {
                    complete++;
                } else {
                    TrialJob job = study.job(spec);
                    missing.add(job);
                    budget += TrialRecordFactory.effectiveBudget(job.request());
                }
            }
        }
        progress.starting(missing.size(), complete, budget, executor.parallelism());
        if (!missing.isEmpty()) {
            executor.run(missing, progress);
        }
        List<List<TrialRecord>> records = new ArrayList<>();
        for (PlannedStudy study : studies) {
            List<TrialRecord> ofStudy = new ArrayList<>();
            for (TrialSpec spec : study.plan().trials()) {
                ofStudy.add(TrialRecords.readRecord(study.trialDir(spec).resolve(TrialRecordWriter.TRIAL_FILE)));
            }
            records.add(ofStudy);
        }
        return records;
    }

    /** Runs one study. */
    public static List<TrialRecord> run(PlannedStudy study, StudyExecutor executor, StudyProgress progress) {
        return run(List.of(study), executor, progress).get(0);
    }

    private static void writeOrCheckPlan(PlannedStudy study) {
        StudyPlan plan = study.plan();
        Path planFile = study.layout().planFile(plan.ruleset().kind(), plan.submission());
        if (Files.exists(planFile)) {
            StudyPlan existing = PlanJson.read(planFile);
            if (!existing.equals(plan)) {
                throw new BadInputException("a different study plan is already in " + planFile
                        + "; use another --out, or delete it to start over");
            }
            return;
        }
        try {
            Files.createDirectories(planFile.getParent());
        } catch (IOException e) {
            throw new BadInputException("cannot create " + planFile.getParent() + ": " + e.getMessage(), e);
        }
        AtomicFiles.writeString(planFile, PlanJson.toJson(plan));
    }
}
