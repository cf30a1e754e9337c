package org.optbench.harness.trial;

/**
 * Submission time: the timed phases ({@code selectData} + {@code update}, {@code prepareForEval}) on the trial's
 * clock, measured on both clocks so that a record can say how much of its wall time the training thread ran.
 *
 * <p>On the {@link ClockKind#CPU CPU} clock, submission time is the training thread's CPU time in the timed phases
 * plus the CPU time of everything else in the trial since the clock started, timed phases or not: a thread a
 * submission starts, the JDK's pools and a process it starts count, so no work can be hidden on another thread, in
 * another process or in the untimed evaluation; so does garbage collection, except while the harness evaluates.
 * The JIT's compiler threads do not count ({@link SystemClock}). The rest is sampled ({@link #sampleOthers()}), not
 * read per step.
 */
final class SubmissionTime {
    private final ClockKind kind;
    private final TrialClock clock;
    private final long othersAtStart;
    private long othersNow;
    private long timedWall;
    private long timedCpu;
    private long phaseWall;
    private long phaseCpu;
    private long collectorAtUntimedStart;
    private long collectorUntimed;
    /** The first second of a trial is the JIT's: the share is measured from then on. */
    private static final long SHARE_FROM_NANOS = 1_000_000_000L;
    private long wallAtShareStart = -1;
    private long waitAtShareStart = -1;
    private long ownAtShareStart;

    /** Starts the clock: everything other threads do from now on counts. */
    SubmissionTime(ClockKind kind, TrialClock clock) {
        this.kind = kind;
        this.clock = clock;
        this.othersAtStart = clock.otherCpuNanos();
        this.othersNow = othersAtStart;
    }

    /** The reading untimed phases (evaluation, logging) are measured with: the thread's CPU time, or wall. */
    long now() {
        return kind == ClockKind.CPU ? clock.threadCpuNanos() : clock.wallNanos();
    }

    /** Begins a timed phase. */
    void begin() {
        phaseWall = clock.wallNanos();
        phaseCpu = clock.threadCpuNanos();
    }

    /** Ends a timed phase; returns its length on the trial's clock (for the CPU clock, the training thread's). */
    long end() {
        long now = clock.wallNanos();
        long wall = now - phaseWall;
        long cpu = clock.threadCpuNanos() - phaseCpu;
        timedWall += wall;
        timedCpu += cpu;
        if (wallAtShareStart < 0 && timedCpu >= SHARE_FROM_NANOS) {
            wallAtShareStart = now;
            waitAtShareStart = clock.threadWaitNanos();
            ownAtShareStart = ownOtherCpu();
        }
        return kind == ClockKind.CPU ? cpu : wall;
    }

    /** Begins an untimed phase (evaluation, logging); returns {@link #now()}. */
    long beginUntimed() {
        if (kind == ClockKind.CPU) {
            collectorAtUntimedStart = clock.collectorCpuNanos();
        }
        return now();
    }

    /**
     * Ends an untimed phase; returns {@link #now()}. What the collector did in it is not the submission's: the
     * wall clock would not count it either.
     */
    long endUntimed() {
        if (kind == ClockKind.CPU) {
            collectorUntimed += Math.max(0, clock.collectorCpuNanos() - collectorAtUntimedStart);
        }
        return now();
    }

    /** Reads what the rest of the process has used since the last sample. */
    void sampleOthers() {
        if (kind == ClockKind.CPU) {
            othersNow = Math.max(othersNow, clock.otherCpuNanos());
        }
    }

    /** Submission time so far, in nanoseconds of the trial's clock. */
    long nanos() {
        return kind == ClockKind.CPU ? timedCpu + Math.max(0, othersNow - othersAtStart - collectorUntimed) : timedWall;
    }

    /** Submission time so far, in seconds. */
    double seconds() {
        return nanos() / 1e9;
    }

    /** CPU time of other threads since the clock started, as last sampled, in seconds. */
    double otherCpuSeconds() {
        return Math.max(0, othersNow - othersAtStart - collectorUntimed) / 1e9;
    }

    /**
     * How much of the wall time it could run the training thread did run: 1 minus the time it waited, runnable, for
     * a core (Linux's run delay) beyond what the trial's own other threads and processes ran meanwhile, over the wall
     * time; about 1 when it had a core to itself, lower when other processes took turns on it. A trial pinned to one
     * core shares it with its own JIT compiler threads (two seconds and more of a 15-s trial: 0.86-0.88 at
     * {@code --jobs 2} on a quiet 2-core machine without this correction), which is the trial's own doing; unpinned,
     * its own threads run mostly on another core, and the correction only makes the share err towards 1, by their
     * CPU time. Not its CPU time over its wall time: a step that hands work to ND4J's threads waits for them,
     * blocked, which is no contention. Measured from the first second of the training thread's timed CPU time on
     * (the JIT's busiest). NaN for a trial shorter than that, and where the run delay is unknown, the training
     * thread's CPU time over the wall time of its timed phases.
     */
    double cpuShare() {
        long wait = clock.threadWaitNanos();
        if (wait < 0 || waitAtShareStart < 0 && wallAtShareStart >= 0) {
            return timedWall == 0 ? Double.NaN : (double) timedCpu / timedWall;
        }
        long wall = wallAtShareStart < 0 ? 0 : clock.wallNanos() - wallAtShareStart;
        long foreignWait = Math.max(0, wait - waitAtShareStart - (ownOtherCpu() - ownAtShareStart));
        return wall <= 0 ? Double.NaN : Math.max(0, 1 - (double) foreignWait / wall);
    }

    /** CPU time of every thread and process of the trial but the training thread, the JIT's included. */
    private long ownOtherCpu() {
        return clock.otherCpuNanos() + clock.compilerCpuNanos();
    }
}
