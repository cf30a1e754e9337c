package org.optbench.harness.trial;

/**
 * The trial's readings of time, in nanoseconds: the wall clock, the training thread's CPU time, and the CPU time of
 * everything else in the trial process (other threads, finished or running, and waited-for child processes). On an
 * accelerator backend the wall reading synchronises the device first. Tests substitute a clock they advance by hand.
 */
public interface TrialClock {
    /** Monotonic wall-clock time, after all queued device work has finished. */
    long wallNanos();

    /** CPU time of the calling (training) thread. */
    long threadCpuNanos();

    /**
     * CPU time of the whole process minus the calling thread's: garbage collection, the JIT, any thread a
     * submission starts (JDK pools included), and any process it starts, waited for or not. Coarser (10 ms) and
     * dearer to read than the others, so the loop samples it at evaluations and every few dozen steps.
     */
    long otherCpuNanos();

    /**
     * CPU time of the JVM's own garbage collector threads (part of {@link #otherCpuNanos()}): what the loop does not
     * charge while it evaluates, since the wall clock does not either.
     */
    long collectorCpuNanos();

    /**
     * How long the calling (training) thread has waited, runnable, for a core (Linux's schedstat run delay), or -1
     * where that is not known: what other processes on the machine took from it.
     */
    default long threadWaitNanos() {
        return -1;
    }

    /**
     * CPU time of the JVM's JIT compiler threads (left out of {@link #otherCpuNanos()}), or 0 where not known. With
     * the other threads' time it bounds how long the training thread can have waited for the trial's own threads.
     */
    default long compilerCpuNanos() {
        return 0;
    }

    /**
     * Fixes which threads are the JVM's own (compiler, collector), before any submission code runs: a thread it
     * starts later counts as the submission's whatever it is named.
     */
    default void identifyJvmThreads() {
    }

    /** This JVM's clocks. */
    TrialClock SYSTEM = new SystemClock(false);

    /**
     * This JVM's clocks when it runs in a PID namespace of its own (a trial sandbox's): every other process in the
     * namespace is the trial's, orphans a submission left behind included, and counts in {@link #otherCpuNanos()}.
     */
    static TrialClock inOwnPidNamespace() {
        return new SystemClock(true);
    }
}
