package org.optbench.harness.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.optbench.api.BadInputException;
import org.optbench.harness.launch.Limits;
import org.optbench.harness.trial.ClockKind;

/**
 * Makes the executor a command's options name, and sizes local trials to the machine: how many run at once
 * ({@code --jobs}: by default as many as the hardware class has cores, capped by this machine's), on which cores,
 * and with how much memory each, so that that many trials cannot exhaust the machine.
 */
public final class ExecutorFactory {
    /** The share of the machine's memory that all trials running at once may take together. */
    static final double MEMORY_SHARE = 0.8;
    private static final Pattern CPU_CLASS = Pattern.compile("cpu-(\\d+)core");

    private ExecutorFactory() {
    }

    /** What runs where, and with which limits. */
    public record Sized(StudyExecutor executor, Limits limits, List<String> notes) {
    }

    /**
     * @param env the options
     * @param clock the study's clock (the wall clock allows one trial at a time)
     * @param hardwareClass the class the study runs as
     * @param slurmDir where a Slurm executor keeps its job scripts and logs
     */
    public static Sized create(RunEnvironment env, ClockKind clock, String hardwareClass, Path slurmDir) {
        return env.executor().create(env, clock, hardwareClass, slurmDir);
    }

    /** The local executor, sized to this machine. */
    static Sized local(RunEnvironment env, ClockKind clock, String hardwareClass) {
        List<String> notes = new ArrayList<>();
        Limits limits = env.limits();
        List<Integer> cpus = usableCpus();
        int jobs;
        if (env.jobs() != null) {
            jobs = env.jobs();
            if (jobs < 1) {
                throw new BadInputException("--jobs must be at least 1, got " + jobs);
            }
            if (jobs > 1 && clock == ClockKind.WALL) {
                throw new BadInputException("--jobs " + jobs + " needs the cpu clock: trials timed by the wall clock "
                        + "(--clock wall, the algoperf-* presets) must have the machine to themselves");
            }
            if (jobs > cpus.size()) {
                throw new BadInputException("--jobs " + jobs + " is more than the " + cpus.size()
                        + " cores this process may use; each trial needs a core of its own");
            }
        } else {
            jobs = clock == ClockKind.WALL ? 1 : Math.max(1, Math.min(classCores(hardwareClass), cpus.size()));
        }
        if (jobs == 1) {
            return new Sized(LocalExecutor.sequential(), limits, notes);
        }
        long total = totalMemoryBytes();
        long share = total > 0 ? (long) (total * MEMORY_SHARE / jobs) : Long.MAX_VALUE;
        if (limits.maxResidentBytes() > share) {
            long nativeBytes = share - limits.heapBytes() - Limits.jvmOverheadBytes();
            if (nativeBytes < (256L << 20)) {
                throw new BadInputException(String.format(Locale.ROOT, "%d trials at once do not fit in this "
                        + "machine's %d MB with a heap of %s each; use fewer --jobs or a smaller --trial-max-heap",
                        jobs, total >> 20, limits.maxHeap()));
            }
            limits = limits.withMemory(limits.maxHeap(), (nativeBytes >> 20) + "m");
            notes.add(String.format(Locale.ROOT, "%d trials at once: each trial's native memory is capped at %d MB "
                    + "so that together they stay within %.0f %% of this machine's %d MB", jobs, nativeBytes >> 20,
                    MEMORY_SHARE * 100, total >> 20));
        }
        return new Sized(new LocalExecutor(jobs, cpus.subList(0, jobs)), limits, notes);
    }

    /** The cores of a class named {@code cpu-<n>core}; 1 for any other class (an accelerator runs one trial). */
    static int classCores(String hardwareClass) {
        Matcher m = CPU_CLASS.matcher(hardwareClass == null ? "" : hardwareClass);
        return m.matches() ? Integer.parseInt(m.group(1)) : 1;
    }

    /** The cores this process may run on ({@code Cpus_allowed_list}), or 0..n-1. */
    static List<Integer> usableCpus() {
        List<Integer> cpus = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    for (String range : line.substring(line.indexOf(':') + 1).trim().split(",")) {
                        String[] ends = range.split("-");
                        int from = Integer.parseInt(ends[0].trim());
                        int to = ends.length > 1 ? Integer.parseInt(ends[1].trim()) : from;
                        for (int c = from; c <= to; c++) {
                            cpus.add(c);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            cpus.clear();
        }
        if (cpus.isEmpty()) {
            for (int c = 0; c < Runtime.getRuntime().availableProcessors(); c++) {
                cpus.add(c);
            }
        }
        return cpus;
    }

    private static long totalMemoryBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.split("\\s+")[1]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
