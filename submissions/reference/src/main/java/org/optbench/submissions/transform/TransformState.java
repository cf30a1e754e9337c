package org.optbench.submissions.transform;

import org.optbench.api.OptimizerState;

/** The state of one {@link GradientTransformation}: buffers and counters, and how many bytes they take. */
public interface TransformState extends OptimizerState {
    /** The state of a link that keeps nothing. */
    TransformState EMPTY = () -> 0L;
}
