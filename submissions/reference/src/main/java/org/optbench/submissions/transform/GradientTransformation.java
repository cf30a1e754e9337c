package org.optbench.submissions.transform;

import org.optbench.api.Params;

/**
 * One link of an optimizer, in the manner of Optax: {@code init} builds the link's state, {@code update} turns the
 * incoming updates (the gradients, or the previous link's output) into this link's output. Links change the
 * {@code updates} tensors in place so that a step allocates nothing; an optimizer is a {@link Chain} of links whose
 * final output is added to the parameters.
 *
 * <p>Sign convention (Optax's): the output of the whole chain is the change to apply, so the learning-rate link
 * multiplies by {@code -lr}.
 */
public interface GradientTransformation {
    /** The state of this link for parameters shaped like {@code params}. */
    TransformState init(Params params);

    /**
     * Transforms {@code updates} in place.
     *
     * @param updates on entry the incoming updates, on return this link's output; same shapes as {@code params}
     * @param state this link's state, from {@link #init}
     * @param params the current parameters (read-only here)
     */
    void update(Params updates, TransformState state, Params params);
}
