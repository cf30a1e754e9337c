package org.optbench.tuning.plan;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.optbench.api.BadInputException;

/**
 * The trials of one submission under one ruleset: the unit executors run, written and read by {@link PlanJson}.
 *
 * <p>Its invariants make the budgets fair by construction: every trial belongs to this submission and ruleset; its
 * study and trial indices are within the ruleset's S and T and appear once; and all trials on a workload, in every
 * study, have the same budget.
 *
 * @param submission the submission's name
 * @param ruleset the ruleset, overrides of S and T applied
 * @param experimentSeed the seed every study and trial seed derives from
 * @param searchSpace where the hyperparameters came from (a file name), or {@code null} for self-tuning
 * @param trials the trials in execution order: study by study, workload by workload, trial by trial
 */
public record StudyPlan(String submission, Ruleset ruleset, long experimentSeed, String searchSpace,
                        List<TrialSpec> trials) {

    public StudyPlan {
        if (submission == null || submission.isBlank()) {
            throw new BadInputException("study plan: missing submission");
        }
        if (ruleset == null) {
            throw new BadInputException("study plan: missing ruleset");
        }
        trials = List.copyOf(trials);
        Map<String, Double> budgets = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (TrialSpec t : trials) {
            if (!t.submission().equals(submission)) {
                throw new BadInputException("study plan: trial " + t.label() + " is for submission '" + t.submission()
                        + "', expected '" + submission + "'");
            }
            if (!t.ruleset().equals(ruleset.name()) || t.tuning() != ruleset.kind()) {
                throw new BadInputException("study plan: trial " + t.label() + " is for ruleset " + t.ruleset() + " "
                        + t.tuning().label() + ", expected " + ruleset.name() + " " + ruleset.kind().label());
            }
            if (t.study() >= ruleset.studies() || t.trial() > ruleset.trialsPerStudy()) {
                throw new BadInputException("study plan: trial " + t.label() + " is outside the ruleset's "
                        + ruleset.studies() + " studies x " + ruleset.trialsPerStudy() + " trials");
            }
            if (!seen.add(t.label())) {
                throw new BadInputException("study plan: trial " + t.label() + " appears twice");
            }
            Double budget = budgets.putIfAbsent(t.workload(), t.budgetSeconds());
            if (budget != null && budget != t.budgetSeconds()) {
                throw new BadInputException("study plan: trial " + t.label() + " has budget " + t.budgetSeconds()
                        + " s, but other trials on " + t.workload() + " have " + budget + " s");
            }
        }
    }

    /** The trials of one study, in order. */
    public List<TrialSpec> study(int study) {
        return trials.stream().filter(t -> t.study() == study).toList();
    }

    /** The trials on one workload, in order. */
    public List<TrialSpec> onWorkload(String workload) {
        return trials.stream().filter(t -> t.workload().equals(workload)).toList();
    }
}
