package org.optbench.workloads.delay;

/**
 * Every gradient {@code steps} steps late: the staleness of a pipeline of {@code steps} workers, each computing on
 * the parameters it was sent (asynchronous SGD with a constant delay).
 *
 * @param steps the delay, 0 or more; 0 is the base workload
 */
public record FixedLatency(int steps) implements LatencyModel {
    /** Checks the delay. */
    public FixedLatency {
        if (steps < 0) {
            throw new IllegalArgumentException("a delay is 0 steps or more, not " + steps);
        }
    }

    @Override
    public int delay(long step) {
        return steps;
    }

    @Override
    public int maxDelay() {
        return steps;
    }

    @Override
    public String describe() {
        return "fixed " + steps + " steps";
    }
}
