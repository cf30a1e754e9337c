package org.optbench.harness.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.optbench.api.BadInputException;
import org.optbench.harness.catalog.SubmissionDescription;
import org.optbench.harness.launch.TrialSettings;
import org.optbench.harness.trial.ClockKind;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialRecordWriter;
import org.optbench.tuning.plan.Ruleset;
import org.optbench.tuning.plan.StudyPlan;
import org.optbench.tuning.plan.TrialSpec;
import org.optbench.workloads.Workloads;

/**
 * One trial of one submission on one workload ({@code optbench run}): a one-trial study of its own, written to
 * {@code <out>/<submission>/study_0/<workload>/trial_<k>/} with the next free {@code k}, checked, measured and
 * launched as every study's trials are.
 */
public final class SingleRun {
    private SingleRun() {
    }

    /** What ran and where its record is. */
    public record Result(TrialRecord record, Path trialDir) {
    }

    /**
     * @param hyperparameters the point's overrides of the submission's default point (a {@code --hparams} file),
     *     already read; empty for the default point
     * @param where what to name when a hyperparameter is unknown (the file)
     * @param budgetSeconds the budget the user gave, or {@code null} for the class's
     * @param progress hears the trial
     * @param notes hears lines for the user
     */
    public static Result run(RunEnvironment env, SubmissionChoice choice, String workload,
                             Map<String, Object> hyperparameters, String where, long seed, Double budgetSeconds,
                             StudyProgress progress, Consumer<String> notes) {
        Workloads.spec(workload);
        ClockKind clock = env.clock() != null ? env.clock() : ClockKind.CPU;
        SubmissionDescription submission = Submissions.describe(choice, env.allowUnchecked(),
                Tuning.helperSettings(env, choice));
        Submissions.checkNames(submission, hyperparameters, where, env.allowUnknownHparams());
        Map<String, Object> point = new LinkedHashMap<>(submission.defaults());
        point.putAll(hyperparameters);
        Path out = OutputDirectory.writable(env.out());
        MachineSetup machine = MachineSetup.resolve(env);
        if (budgetSeconds == null) {
            machine = machine.probed(env, List.of(workload), Tuning.helperSettings(env, choice));
        }
        machine.notes().forEach(notes);
        double budget = budgetSeconds != null ? budgetSeconds : machine.budgets().budgetSeconds(workload);
        if (!(budget > 0)) {
            throw new BadInputException("--budget-seconds must be positive, got " + budget);
        }
        StudyLayout layout = new StudyLayout(out, true);
        int trial = 1;
        while (Files.exists(TrialRecordWriter.trialDirectory(out, submission.name(), 0, workload, trial))) {
            trial++;
        }
        // A plan of one trial whose index is the next free one (the kind only shapes the plan: the layout is flat).
        TrialSpec spec = new TrialSpec(submission.name(), workload, "single", Ruleset.Kind.EXTERNAL, 0, trial, point,
                seed, budget);
        StudyPlan plan = new StudyPlan(submission.name(), new Ruleset("single", Ruleset.Kind.EXTERNAL, 1, trial, 1.0),
                seed, null, List.of(spec));
        TrialSettings settings = TrialSettings.defaults()
                .withDataDir(env.dataDir() == null ? null : env.dataDir().toAbsolutePath().toString())
                .withEvalPeriodSeconds(env.evalPeriodSeconds())
                .withHardwareClass(machine.budgets().hardwareClass())
                .withSubmissionJar(submission.jar(), submission.jar() == null ? null : submission.className())
                .withClock(clock).withBudgetScale(machine.budgetScale()).withLimits(env.limits())
                .withSandbox(env.sandboxFor(choice));
        StudyExecutor executor = env.executor() instanceof ExecutorChoice.InProcess ? new InProcessExecutor()
                : LocalExecutor.sequential();
        PlannedStudy study = new PlannedStudy(plan, layout, settings, false);
        List<TrialRecord> records = Studies.run(study, executor, progress);
        return new Result(records.get(0), study.trialDir(spec));
    }
}
