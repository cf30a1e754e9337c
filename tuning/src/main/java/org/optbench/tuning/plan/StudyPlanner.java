package org.optbench.tuning.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.optbench.api.BadInputException;
import org.optbench.tuning.search.QuasiRandomSearch;
import org.optbench.tuning.search.SearchSpace;

/**
 * Turns a submission, its workloads and their budgets, a ruleset and an experiment seed into a {@link StudyPlan}.
 *
 * <p>External: for study j and workload w, the study's points are {@link QuasiRandomSearch#draw}{@code (space, T,
 * studySeed(j, w))}, and trial k (1-based) takes point k-1, with the workload's full budget. Self-tuning: one trial
 * per study with the given fixed point (often empty) and the budget times the ruleset's factor. Every trial's seed is
 * {@link SeedDerivation#trialSeed}. Trials are ordered study by study, then workload by workload (in the given
 * order), then trial by trial.
 */
public final class StudyPlanner {

    private StudyPlanner() {
    }

    /**
     * An external-tuning plan. A list-form search space with fewer than T points gives every study those points
     * (as AlgoPerf does), so T shrinks to their number.
     */
    public static StudyPlan planExternal(String submission, List<WorkloadBudget> workloads, Ruleset ruleset,
                                         SearchSpace searchSpace, long experimentSeed) {
        requireKind(ruleset, Ruleset.Kind.EXTERNAL);
        if (searchSpace == null) {
            throw new BadInputException("external tuning needs a search space");
        }
        requireWorkloads(submission, workloads);
        List<TrialSpec> trials = new ArrayList<>();
        int trialsPerStudy = ruleset.trialsPerStudy();
        for (int study = 0; study < ruleset.studies(); study++) {
            for (WorkloadBudget w : workloads) {
                long studySeed = SeedDerivation.studySeed(experimentSeed, submission, w.workload(), study);
                List<Map<String, Object>> points = QuasiRandomSearch.draw(searchSpace, ruleset.trialsPerStudy(), studySeed);
                trialsPerStudy = points.size();
                for (int trial = 1; trial <= points.size(); trial++) {
                    trials.add(trial(submission, w, ruleset, study, trial, points.get(trial - 1), experimentSeed));
                }
            }
        }
        return new StudyPlan(submission, ruleset.withTrialsPerStudy(trialsPerStudy), experimentSeed,
                searchSpace.source(), trials);
    }

    /** A self-tuning plan: S studies x 1 trial per workload, each with {@code fixedHyperparameters}. */
    public static StudyPlan planSelfTuning(String submission, List<WorkloadBudget> workloads, Ruleset ruleset,
                                           Map<String, ?> fixedHyperparameters, long experimentSeed) {
        requireKind(ruleset, Ruleset.Kind.SELF_TUNING);
        requireWorkloads(submission, workloads);
        Map<String, ?> point = fixedHyperparameters == null ? Map.of() : fixedHyperparameters;
        List<TrialSpec> trials = new ArrayList<>();
        for (int study = 0; study < ruleset.studies(); study++) {
            for (WorkloadBudget w : workloads) {
                trials.add(trial(submission, w, ruleset, study, 1, point, experimentSeed));
            }
        }
        return new StudyPlan(submission, ruleset, experimentSeed, null, trials);
    }

    private static TrialSpec trial(String submission, WorkloadBudget w, Ruleset ruleset, int study, int trial,
                                   Map<String, ?> point, long experimentSeed) {
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) point;
        return new TrialSpec(submission, w.workload(), ruleset.name(), ruleset.kind(), study, trial, values,
                SeedDerivation.trialSeed(experimentSeed, submission, w.workload(), study, trial),
                ruleset.trialBudgetSeconds(w.budgetSeconds()));
    }

    private static void requireKind(Ruleset ruleset, Ruleset.Kind kind) {
        if (ruleset == null) {
            throw new BadInputException("a plan needs a ruleset");
        }
        if (ruleset.kind() != kind) {
            throw new BadInputException("ruleset " + ruleset.name() + " is " + ruleset.kind().label()
                    + "; this plan needs a ruleset of kind " + kind.label());
        }
    }

    private static void requireWorkloads(String submission, List<WorkloadBudget> workloads) {
        if (submission == null || submission.isBlank()) {
            throw new BadInputException("a plan needs a submission name");
        }
        if (workloads == null || workloads.isEmpty()) {
            throw new BadInputException("a plan needs at least one workload");
        }
        Set<String> names = new HashSet<>();
        for (WorkloadBudget w : workloads) {
            if (!names.add(w.workload())) {
                throw new BadInputException("workload '" + w.workload() + "' is listed twice");
            }
        }
    }
}
