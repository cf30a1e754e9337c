package org.optbench.harness.trial;

/**
 * A {@link TrialClock} that moves only when told: tests advance it from a submission's hooks and a workload's
 * evaluation, so the loop's accounting can be checked exactly, whatever the machine is doing.
 */
final class ManualClock implements TrialClock {
    private long wall;
    private long threadCpu;
    private long otherCpu;
    private long collectorCpu;
    private long threadWait;
    private long compilerCpu;

    /** The training thread works for {@code millis}, alone on its core: wall and CPU time advance together. */
    void work(long millis) {
        wall += millis * 1_000_000L;
        threadCpu += millis * 1_000_000L;
    }

    /** The training thread works for {@code cpuMillis} of CPU time over {@code wallMillis}: it shares its core. */
    void workShared(long cpuMillis, long wallMillis) {
        wall += wallMillis * 1_000_000L;
        threadCpu += cpuMillis * 1_000_000L;
        threadWait += (wallMillis - cpuMillis) * 1_000_000L;
    }

    /** Another thread of the process works for {@code millis} of CPU time, meanwhile. */
    void otherThreadWorks(long millis) {
        otherCpu += millis * 1_000_000L;
    }

    /** The JVM's garbage collector works for {@code millis} of CPU time on its own thread, meanwhile. */
    void collectorWorks(long millis) {
        otherCpu += millis * 1_000_000L;
        collectorCpu += millis * 1_000_000L;
    }

    /** The JIT's compiler threads work for {@code millis} of CPU time, meanwhile. */
    void compilerWorks(long millis) {
        compilerCpu += millis * 1_000_000L;
    }

    @Override
    public long compilerCpuNanos() {
        return compilerCpu;
    }

    @Override
    public long threadWaitNanos() {
        return threadWait;
    }

    @Override
    public long collectorCpuNanos() {
        return collectorCpu;
    }

    @Override
    public long wallNanos() {
        return wall;
    }

    @Override
    public long threadCpuNanos() {
        return threadCpu;
    }

    @Override
    public long otherCpuNanos() {
        return otherCpu;
    }
}
