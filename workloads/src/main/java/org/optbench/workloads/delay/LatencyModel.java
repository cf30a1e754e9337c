package org.optbench.workloads.delay;

/**
 * How many steps late each step's gradient is. A function of the step alone, so that every trial and every
 * submission on a delayed workload sees the same delays, as it sees the same data.
 */
public interface LatencyModel {
    /** Returned by {@link #delay} for an update that never arrives: the submission sees a zero gradient. */
    int DROPPED = -1;

    /** The delay of step {@code step}'s gradient in steps, 0 to {@link #maxDelay()}, or {@link #DROPPED}. */
    int delay(long step);

    /** The largest delay {@link #delay} returns: the number of past parameter sets a delayed model keeps. */
    int maxDelay();

    /** One line for listings, for example {@code "fixed 8 steps"}. */
    String describe();
}
