package org.optbench.harness.calibration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.optbench.api.BadInputException;
import org.optbench.api.Submission;
import org.optbench.harness.catalog.SubmissionCatalog;
import org.optbench.harness.study.StudyLayout;
import org.optbench.results.records.BestValue;
import org.optbench.results.records.EvalRow;
import org.optbench.api.MetricDirection;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialRecords;
import org.optbench.results.records.TrialResult;
import org.optbench.tuning.plan.Ruleset;
import org.optbench.tuning.plan.StudyPlan;
import org.optbench.tuning.plan.StudyPlanner;
import org.optbench.tuning.plan.WorkloadBudget;
import org.optbench.tuning.search.SearchSpaceReader;

/**
 * AlgoPerf's target setting, scaled down. For one workload:
 * <ol>
 *   <li>each baseline (AdamW, NAdamW, Nesterov, heavy-ball momentum) runs a small quasi-random search over its own
 *       search space, every trial for the whole search budget (targets do not stop it);</li>
 *   <li>the trial with the best validation value wins; its configuration is rerun on several seeds;</li>
 *   <li>the validation target is the median of the reruns' best validation values; the test target the median of
 *       the best test values of the reruns that reached the validation target;</li>
 *   <li>the budget is 4/3 of the median submission time at which those reruns first reached the validation
 *       target.</li>
 * </ol>
 * Targets are the workload's; the budget belongs to the hardware class the runs were made on.
 */
public final class Calibration {
    /** AlgoPerf's target-setting baselines. */
    public static final List<String> BASELINES = List.of("adamw", "nadamw", "sgd_nesterov", "sgd_momentum");

    private Calibration() {
    }

    /** Runs studies' missing trials into a layout and returns each study's records, in plan order. */
    @FunctionalInterface
    public interface StudyRunner {
        /** Runs the plans' missing trials. */
        List<List<TrialRecord>> run(List<StudyPlan> plans, StudyLayout layout);
    }

    /**
     * What calibration found.
     *
     * @param workload the workload
     * @param trials search trials per baseline
     * @param seeds reruns of the winning configuration
     * @param searchBudgetSeconds the budget of every search trial and rerun
     * @param metric its validation metric
     * @param direction which way it improves
     * @param bestSubmission the baseline whose configuration won the search
     * @param bestHyperparameters that configuration
     * @param searchPoints the hyperparameters of every search trial, by {@code submission/trial_k}
     * @param searchBest the best validation value of every search trial, by {@code submission/trial_k}
     * @param rerunBest each rerun's best validation value
     * @param rerunTimesToTarget each rerun's time to the new validation target ({@code null}: missed)
     * @param validationTarget the new validation target
     * @param testTarget the new test target
     * @param medianTimeToTargetSeconds the median time to target of the reruns that reached it
     * @param budgetSeconds 4/3 of that
     */
    public record Result(String workload, int trials, int seeds, double searchBudgetSeconds, String metric,
                         MetricDirection direction, String bestSubmission, Map<String, Object> bestHyperparameters,
                         Map<String, Map<String, Object>> searchPoints, Map<String, Double> searchBest,
                         List<Double> rerunBest, List<Double> rerunTimesToTarget, double validationTarget,
                         double testTarget, double medianTimeToTargetSeconds, double budgetSeconds) {
    }

    /**
     * Calibrates one workload.
     *
     * @param workload the workload's name
     * @param baselines the baselines that search
     * @param trials search trials per baseline
     * @param seeds reruns of the winning configuration
     * @param searchBudgetSeconds the budget of every search trial and rerun
     * @param seed experiment seed of the search and reruns
     * @param out where the runs' records go ({@code search/} and {@code reruns/})
     * @param runner runs studies' missing trials and reads their records; its trials must not stop at the targets
     */
    public static Result calibrate(String workload, List<String> baselines, int trials, int seeds,
                                   double searchBudgetSeconds, long seed, Path out, StudyRunner runner) {
        if (trials < 1 || seeds < 1) {
            throw new BadInputException("calibration needs at least one trial and one seed, got " + trials + " and "
                    + seeds);
        }
        List<WorkloadBudget> budget = List.of(new WorkloadBudget(workload, searchBudgetSeconds));
        StudyLayout searchLayout = new StudyLayout(out.resolve("search"));
        Map<String, Map<String, Object>> searchPoints = new LinkedHashMap<>();
        Map<String, Double> searchBest = new LinkedHashMap<>();
        TrialRecord bestTrial = null;
        double bestValue = Double.NaN;
        MetricDirection direction = null;
        // Every baseline's search at once: the trials fill the machine's cores together.
        List<StudyPlan> searches = new ArrayList<>();
        for (String name : baselines) {
            Submission baseline = SubmissionCatalog.create(name);
            String json = baseline.searchSpaceJson().orElseThrow(() -> new BadInputException(
                    "baseline '" + name + "' ships no search space"));
            searches.add(StudyPlanner.planExternal(name, budget,
                    new Ruleset("calibration", Ruleset.Kind.EXTERNAL, 1, trials, 1.0),
                    SearchSpaceReader.parse(json, name + " search space"), seed));
        }
        List<List<TrialRecord>> searched = runner.run(searches, searchLayout);
        for (int i = 0; i < baselines.size(); i++) {
            String name = baselines.get(i);
            for (TrialRecord record : searched.get(i)) {
                direction = record.metricDirection();
                double value = bestValidation(read(searchLayout, Ruleset.Kind.EXTERNAL, record), record);
                searchPoints.put(name + "/trial_" + record.trial(), record.hyperparameters());
                searchBest.put(name + "/trial_" + record.trial(), value);
                if (better(value, bestValue, direction)) {
                    bestValue = value;
                    bestTrial = record;
                }
            }
        }
        if (bestTrial == null) {
            throw new BadInputException("no search trial on " + workload + " produced a finite validation value");
        }

        StudyLayout rerunLayout = new StudyLayout(out.resolve("reruns"));
        StudyPlan reruns = StudyPlanner.planSelfTuning(bestTrial.submission(), budget,
                new Ruleset("calibration", Ruleset.Kind.SELF_TUNING, seeds, 1, 1.0), bestTrial.hyperparameters(),
                seed + 1);
        List<TrialResult> rerunResults = new ArrayList<>();
        for (TrialRecord record : runner.run(List.of(reruns), rerunLayout).get(0)) {
            rerunResults.add(read(rerunLayout, Ruleset.Kind.SELF_TUNING, record));
        }
        List<Double> rerunBest = new ArrayList<>();
        for (TrialResult r : rerunResults) {
            rerunBest.add(bestValidation(r, r.record()));
        }
        double validationTarget = median(rerunBest);
        List<Double> times = new ArrayList<>();
        List<Double> reachedTimes = new ArrayList<>();
        List<Double> reachedTestBest = new ArrayList<>();
        for (TrialResult r : rerunResults) {
            Double time = firstReaching(r.evals(), "validation/" + r.record().metric(), validationTarget, direction);
            times.add(time);
            if (time != null) {
                reachedTimes.add(time);
                reachedTestBest.add(best(r.evals(), "test/" + r.record().metric(), direction));
            }
        }
        double medianTime = median(reachedTimes);
        return new Result(workload, trials, seeds, searchBudgetSeconds, bestTrial.metric(), direction,
                bestTrial.submission(), bestTrial.hyperparameters(), searchPoints, searchBest, rerunBest, times,
                validationTarget, median(reachedTestBest), medianTime, medianTime * 4 / 3);
    }

    private static TrialResult read(StudyLayout layout, Ruleset.Kind kind, TrialRecord record) {
        return TrialRecords.read(org.optbench.results.records.TrialRecordWriter.trialDirectory(
                layout.experiment(kind), record.submission(), record.study(), record.workload(), record.trial()));
    }

    private static double bestValidation(TrialResult result, TrialRecord record) {
        return best(result.evals(), "validation/" + record.metric(), record.metricDirection());
    }

    /** The best finite value of a column over the evaluations; NaN when there is none. */
    static double best(List<EvalRow> evals, String column, MetricDirection direction) {
        return BestValue.of(evals, column, direction);
    }

    private static boolean better(double value, double incumbent, MetricDirection direction) {
        return Double.isFinite(value) && direction.better(value, incumbent);
    }

    private static Double firstReaching(List<EvalRow> evals, String column, double target,
                                        MetricDirection direction) {
        for (EvalRow row : evals) {
            if (direction.reaches(row.metric(column), target)) {
                return row.submissionSeconds();
            }
        }
        return null;
    }

    /** The median; the mean of the two middle values for an even count; NaN for none. */
    static double median(List<Double> values) {
        List<Double> sorted = values.stream().filter(v -> v != null && !Double.isNaN(v)).sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
