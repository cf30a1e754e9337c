package org.optbench.harness.trial;

/**
 * The trial's stopwatch: monotonic nanoseconds, with the device synchronised before each reading. On the CPU
 * backend every operation has finished when it returns, so there is nothing to synchronise.
 */
public interface TrialClock {
    /** Monotonic time in nanoseconds, after all queued device work has finished. */
    long nanoTime();

    /** The JVM's monotonic clock; right for the CPU backend. */
    TrialClock SYSTEM = System::nanoTime;
}
