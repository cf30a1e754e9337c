package org.optbench.submissions;

import org.optbench.api.HyperParameters;
import org.optbench.submissions.transform.Optimizer;

/** Builds one kind of reference optimizer from a trial's hyperparameters; see {@link ReferenceOptimizers}. */
@FunctionalInterface
public interface OptimizerFactory {
    /**
     * @param hyperParameters the trial's hyperparameters, by AlgoPerf's names; a missing or bad one is a
     *     {@link org.optbench.api.BadInputException}
     * @param stepHint the workload's step hint, over which schedules are laid out (at least 1)
     */
    Optimizer create(HyperParameters hyperParameters, long stepHint);
}
