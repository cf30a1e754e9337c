package org.optbench.harness.trial;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@link TrialClock} of this JVM on Linux: {@link System#nanoTime()} for the wall clock, the thread CPU clock
 * ({@code clock_gettime(CLOCK_THREAD_CPUTIME_ID)} behind {@link ThreadMXBean}, nanosecond resolution) for the
 * training thread, and {@code /proc/self/stat} (user + system time of the process, its waited-for children
 * included, in clock ticks of 10 ms) for the rest. The JDK's process CPU time has the same 10-ms resolution but
 * leaves out children. Where {@code /proc} is missing, other threads read as zero.
 */
final class SystemClock implements TrialClock {
    /** Linux reports process times in USER_HZ ticks, 100 per second on every architecture it supports. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final Path STAT = Path.of("/proc/self/stat");

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Override
    public long wallNanos() {
        return System.nanoTime();
    }

    @Override
    public long threadCpuNanos() {
        return threads.getCurrentThreadCpuTime();
    }

    @Override
    public long otherCpuNanos() {
        long thread = threadCpuNanos();
        long process = processCpuNanos();
        return process < 0 ? 0 : Math.max(0, process - thread);
    }

    /** utime + stime + cutime + cstime of this process, or -1 without /proc. */
    static long processCpuNanos() {
        try {
            return ProcStat.cpuTicks(Files.readString(STAT)) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Whether the JVM can read thread CPU time at all (the CPU clock needs it). */
    static boolean threadCpuTimeSupported() {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        return bean.isCurrentThreadCpuTimeSupported() && bean.isThreadCpuTimeEnabled();
    }
}
