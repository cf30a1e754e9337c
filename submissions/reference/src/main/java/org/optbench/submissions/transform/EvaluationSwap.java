package org.optbench.submissions.transform;

import org.optbench.api.Params;

/**
 * A link that trains at one point and evaluates at another, such as Schedule-Free's averaged iterate: before an
 * evaluation the parameters are swapped to the evaluation point, and before the next update they are swapped back.
 * Both calls are idempotent. {@link Chain} forwards them to its links; {@link Optimizer} calls them.
 */
public interface EvaluationSwap {
    /** Puts the evaluation point into {@code params}; does nothing if it is already there. */
    void toEvaluation(Params params, TransformState state);

    /** Puts the training point back into {@code params}; does nothing if it is already there. */
    void toTraining(Params params, TransformState state);
}
