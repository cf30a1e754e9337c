package org.optbench.api;

/**
 * Whatever a submission keeps between steps (moments, preconditioners, counters). The harness holds it and hands
 * it back through {@link StepContext#state()}; it only asks how large it is.
 */
public interface OptimizerState {
    /** The bytes the state's tensors and arrays take, for the leaderboard's memory column. */
    long stateBytes();

    /** A state with nothing in it, for optimizers that keep none. */
    OptimizerState NONE = () -> 0L;
}
