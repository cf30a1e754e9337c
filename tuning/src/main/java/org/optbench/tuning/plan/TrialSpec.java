package org.optbench.tuning.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.optbench.api.BadInputException;
import org.optbench.api.HyperParameters;

/**
 * One trial of a study plan: what an executor runs. Immutable: the budget and the hyperparameters are the plan's,
 * and nothing downstream (least of all the submission) can change them.
 *
 * @param submission the submission's name
 * @param workload the workload's or variant's name
 * @param ruleset the ruleset preset's name, e.g. {@code algoperf-v0.6}
 * @param tuning external or self-tuning
 * @param study the study index, from 0 (AlgoPerf's {@code study_0})
 * @param trial the trial index within the study and workload, from 1 (AlgoPerf's {@code trial_1})
 * @param hyperparameters the trial's hyperparameters in order (numbers, strings, booleans); unmodifiable
 * @param seed the trial's seed ({@link SeedDerivation#trialSeed})
 * @param budgetSeconds the trial's submission-time budget, the ruleset's factor applied
 */
public record TrialSpec(String submission, String workload, String ruleset, Ruleset.Kind tuning, int study, int trial,
                        Map<String, Object> hyperparameters, long seed, double budgetSeconds) {

    public TrialSpec {
        requireName("submission", submission);
        requireName("workload", workload);
        requireName("ruleset", ruleset);
        if (tuning == null) {
            throw new BadInputException("trial spec: missing tuning kind, expected external or self-tuning");
        }
        if (study < 0) {
            throw new BadInputException("trial spec: study must be 0 or more, got " + study);
        }
        if (trial < 1) {
            throw new BadInputException("trial spec: trial must be 1 or more, got " + trial);
        }
        if (!(budgetSeconds > 0) || Double.isInfinite(budgetSeconds)) {
            throw new BadInputException("trial spec: budget_seconds must be a positive number, got " + budgetSeconds);
        }
        // HyperParameters.of validates the values (numbers, strings, booleans) and keeps the order.
        hyperparameters = Collections.unmodifiableMap(
                new LinkedHashMap<>(HyperParameters.of(hyperparameters == null ? Map.of() : hyperparameters).asMap()));
    }

    /** The hyperparameters as the submission api's typed view. */
    public HyperParameters hyperParameters() {
        return HyperParameters.of(hyperparameters);
    }

    /** AlgoPerf's record path of this trial: {@code <submission>/study_<j>/<workload>/trial_<k>}. */
    public String label() {
        return submission + "/study_" + study + "/" + workload + "/trial_" + trial;
    }

    private static void requireName(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new BadInputException("trial spec: missing " + field);
        }
    }
}
