package org.optbench.tuning.plan;

import org.optbench.api.BadInputException;

/**
 * A workload (or variant) to plan trials for, with its submission-time budget on the hardware class at hand.
 *
 * @param workload the workload's or variant's name
 * @param budgetSeconds its budget in seconds of submission time (finite, &gt; 0), before the ruleset's factor
 */
public record WorkloadBudget(String workload, double budgetSeconds) {
    public WorkloadBudget {
        if (workload == null || workload.isBlank()) {
            throw new BadInputException("a workload name must not be empty");
        }
        if (!(budgetSeconds > 0) || Double.isInfinite(budgetSeconds)) {
            throw new BadInputException("workload '" + workload + "': the budget must be a positive number of seconds, got "
                    + budgetSeconds);
        }
    }
}
