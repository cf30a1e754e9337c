package org.optbench.harness.trial;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@link TrialClock} of this JVM on Linux: {@link System#nanoTime()} for the wall clock, the thread CPU clock
 * ({@code clock_gettime(CLOCK_THREAD_CPUTIME_ID)} behind {@link ThreadMXBean}, nanosecond resolution) for the
 * training thread, and {@code /proc/self/stat} (user + system time of the process, its waited-for children
 * included, in clock ticks of 10 ms) for the rest. The JDK's process CPU time has the same 10-ms resolution but
 * leaves out children. Where {@code /proc} is missing, other threads read as zero.
 *
 * <p>The rest counts the trial's other processes too, which a submission may start and keep alive so that they are
 * never waited for: this JVM's descendants, or, when it runs in a PID namespace of its own (the trial sandbox's),
 * every other process in it, the namespace's init (which waits for the orphans) included.
 *
 * <p>The JIT's compiler threads are left out of the rest: they compile on another core while the training thread
 * runs, which the wall clock does not see either, and no submission can make them do its work. The collector's
 * threads are reported apart, so that the loop can leave out what they do during an evaluation. Both sets are
 * found once, by name, before any submission code runs ({@link #identifyJvmThreads()}), and are fixed for a trial
 * JVM ({@code -XX:-UseDynamicNumberOfCompilerThreads}, the serial collector's one VM thread).
 */
final class SystemClock implements TrialClock {
    /** Linux reports process times in USER_HZ ticks, 100 per second on every architecture it supports. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final Path PROC = Path.of("/proc");
    private static final Path SELF = PROC.resolve("self");

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean ownPidNamespace;
    private volatile List<Path> compilerThreads;
    private volatile List<Path> collectorThreads;

    /**
     * @param ownPidNamespace whether this JVM runs in a PID namespace of its own, in which every other process is
     *     the trial's
     */
    SystemClock(boolean ownPidNamespace) {
        this.ownPidNamespace = ownPidNamespace;
    }

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
        long process = ticks(SELF.resolve("stat"));
        if (process < 0) {
            return 0;
        }
        return Math.max(0, (process + otherProcessTicks()) * NANOS_PER_TICK - compilerCpuNanos() - thread);
    }

    @Override
    public long compilerCpuNanos() {
        long ticks = 0;
        for (Path stat : compilerThreads()) {
            ticks += Math.max(0, ticks(stat));
        }
        return ticks * NANOS_PER_TICK;
    }

    /** CPU ticks of the trial's processes besides this JVM (each with the children it waited for). */
    private long otherProcessTicks() {
        long self = ProcessHandle.current().pid();
        long ticks = 0;
        if (ownPidNamespace) {
            try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
                for (Path process : processes) {
                    if (Long.parseLong(process.getFileName().toString()) != self) {
                        ticks += Math.max(0, ticks(process.resolve("stat")));
                    }
                }
            } catch (IOException | RuntimeException e) {
                return 0;
            }
            return ticks;
        }
        for (ProcessHandle descendant : ProcessHandle.current().descendants().toList()) {
            ticks += Math.max(0, ticks(PROC.resolve(Long.toString(descendant.pid())).resolve("stat")));
        }
        return ticks;
    }

    @Override
    public long threadWaitNanos() {
        try {
            // "<time on a core> <time runnable, waiting for one> <timeslices>", in nanoseconds.
            return Long.parseLong(Files.readString(Path.of("/proc/thread-self/schedstat")).trim().split("\\s+")[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public long collectorCpuNanos() {
        identifyJvmThreads();
        long ticks = 0;
        for (Path stat : collectorThreads) {
            ticks += Math.max(0, ticks(stat));
        }
        return ticks * NANOS_PER_TICK;
    }

    private List<Path> compilerThreads() {
        identifyJvmThreads();
        return compilerThreads;
    }

    @Override
    public synchronized void identifyJvmThreads() {
        if (compilerThreads != null) {
            return;
        }
        List<Path> compilers = new ArrayList<>();
        List<Path> collectors = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(SELF.resolve("task"))) {
            for (Path task : tasks.toList()) {
                String name = Files.readString(task.resolve("comm")).trim();
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    compilers.add(task.resolve("stat"));
                } else if (name.equals("VM Thread") || name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                    collectors.add(task.resolve("stat"));
                }
            }
        } catch (IOException | RuntimeException e) {
            compilers.clear();
            collectors.clear();
        }
        collectorThreads = List.copyOf(collectors);
        compilerThreads = List.copyOf(compilers);
    }

    /** utime + stime + cutime + cstime of a process or thread, or -1 when it cannot be read. */
    private static long ticks(Path stat) {
        try {
            return ProcStat.cpuTicks(Files.readString(stat));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
