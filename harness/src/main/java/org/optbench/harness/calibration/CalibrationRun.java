package org.optbench.harness.calibration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.optbench.api.BadInputException;
import org.optbench.harness.budgets.BudgetTable;
import org.optbench.harness.budgets.Budgets;
import org.optbench.harness.catalog.SubmissionCatalog;
import org.optbench.harness.hardware.HardwareFingerprint;
import org.optbench.harness.launch.SandboxMode;
import org.optbench.harness.launch.TrialSettings;
import org.optbench.harness.probe.SpeedProbe;
import org.optbench.harness.study.ExecutorFactory;
import org.optbench.harness.study.OutputDirectory;
import org.optbench.harness.study.PlannedStudy;
import org.optbench.harness.study.RunEnvironment;
import org.optbench.harness.study.Studies;
import org.optbench.harness.study.StudyProgress;
import org.optbench.harness.trial.ClockKind;
import org.optbench.results.records.AtomicFiles;
import org.optbench.results.records.RecordJson;
import org.optbench.results.records.TrialRecord;
import org.optbench.tuning.plan.StudyPlan;
import org.optbench.workloads.Workloads;

/**
 * {@code optbench calibrate} as a study: a hardware class's budget and the workload's targets from the baselines'
 * search and reruns ({@link Calibration}), on any executor, and the class's table updated with the budget, the clock
 * it was timed by and this machine's speed-probe figure for the workload, so that other machines of the class can
 * be scaled to this one.
 */
public final class CalibrationRun {
    private CalibrationRun() {
    }

    /**
     * What a calibration wrote.
     *
     * @param result what it found
     * @param hardwareClass the class
     * @param budgetSeconds the budget written (rounded up to a tenth of a second)
     * @param searchBudgetSeconds the budget of every search trial and rerun
     * @param resultFile the calibration's JSON
     * @param budgetsFile the class's updated table
     */
    public record Written(Calibration.Result result, String hardwareClass, double budgetSeconds,
                         double searchBudgetSeconds, Path resultFile, Path budgetsFile) {
    }

    /**
     * Calibrates a workload.
     *
     * @param searchBudgetSeconds the search trials' budget, or {@code null} for twice the class's current budget
     */
    public static Written run(RunEnvironment env, String workload, List<String> baselines, int trials, int seeds,
                              Double searchBudgetSeconds, long seed, StudyProgress progress, Consumer<String> notes) {
        Workloads.spec(workload);
        for (String baseline : baselines) {
            SubmissionCatalog.create(baseline);
        }
        ClockKind clock = env.clock() != null ? env.clock() : ClockKind.CPU;
        String hardwareClass = env.hardwareClass() != null ? env.hardwareClass()
                : HardwareFingerprint.machineClass();
        Path dir = OutputDirectory.writable(env.out());
        Path budgetsDir = env.budgetsDir() != null ? env.budgetsDir() : dir.resolve("budgets");
        OutputDirectory.writable(budgetsDir);
        BudgetTable table = Budgets.forCalibration(hardwareClass, budgetsDir);
        double searchBudget;
        if (searchBudgetSeconds != null) {
            searchBudget = searchBudgetSeconds;
        } else {
            searchBudget = 2 * table.budgetSeconds(workload).orElseThrow(() -> new BadInputException(
                    "hardware class " + hardwareClass + " has no budget for " + workload
                            + " yet; give --search-budget-seconds"));
        }
        if (!(searchBudget > 0)) {
            throw new BadInputException("--search-budget-seconds must be positive, got " + searchBudget);
        }
        ExecutorFactory.Sized sized = ExecutorFactory.create(env, clock, hardwareClass, dir.resolve("slurm"));
        sized.notes().forEach(notes);
        TrialSettings settings = TrialSettings.defaults()
                .withDataDir(env.dataDir() == null ? null : env.dataDir().toAbsolutePath().toString())
                .withEvalPeriodSeconds(env.evalPeriodSeconds()).withHardwareClass(hardwareClass)
                .withStopAtTargets(false).withClock(clock).withLimits(sized.limits())
                .withSandbox(env.sandboxOff() ? SandboxMode.OFF : SandboxMode.AUTO);
        Calibration.Result result = Calibration.calibrate(workload, baselines, trials, seeds, searchBudget, seed,
                dir.resolve("calibration-" + workload), (plans, layout) -> {
                    List<PlannedStudy> studies = new ArrayList<>();
                    for (StudyPlan plan : plans) {
                        studies.add(new PlannedStudy(plan, layout, settings, true));
                    }
                    List<List<TrialRecord>> records = Studies.run(studies, sized.executor(), progress);
                    return records;
                });
        Path resultFile = dir.resolve("calibration-" + workload + ".json");
        try {
            AtomicFiles.writeString(resultFile, RecordJson.mapper().writeValueAsString(result) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        double rounded = Math.ceil(result.budgetSeconds() * 10) / 10;
        if (!(rounded > 0)) {
            throw new BadInputException("no rerun of the winning configuration reached the target it set; "
                    + "no budget written (try a larger --search-budget-seconds)");
        }
        List<String> probed = SpeedProbe.probedWorkloads(List.of(workload));
        Map<String, Double> figures = SpeedProbe.measure(probed, settings.withSandbox(settings.sandbox()));
        Path budgetsFile = budgetsDir.resolve(hardwareClass + ".json");
        table.withBudget(workload, rounded).withProbe(figures).withClock(clock.label()).write(budgetsFile);
        return new Written(result, hardwareClass, rounded, searchBudget, resultFile, budgetsFile);
    }
}
