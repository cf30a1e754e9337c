package org.optbench.harness.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.optbench.harness.trial.ProcStat;

/**
 * A process and all its descendants, read from Linux's {@code /proc}: their CPU time (every thread, and the
 * children each has waited for) and their resident memory. The launcher reads the trial JVM's tree this way, so
 * work on any thread or in any child process counts, whatever the trial JVM says of itself.
 */
public final class ProcessTree {
    private static final double SECONDS_PER_TICK = 0.01;

    private final ProcessHandle root;

    /** The tree under {@code root}. */
    public ProcessTree(ProcessHandle root) {
        this.root = root;
    }

    /** A reading of the tree. */
    public record Reading(double cpuSeconds, long residentBytes, long peakResidentBytes) {
    }

    /** Reads the tree now; processes that vanished between listing and reading are skipped. */
    public Reading read() {
        long ticks = 0;
        long resident = 0;
        long peak = -1;
        for (long pid : pids()) {
            Path proc = Path.of("/proc", Long.toString(pid));
            try {
                ticks += ProcStat.cpuTicks(Files.readString(proc.resolve("stat")));
                for (String line : Files.readAllLines(proc.resolve("status"))) {
                    if (line.startsWith("VmRSS:")) {
                        resident += kilobytes(line) * 1024;
                    } else if (line.startsWith("VmHWM:")) {
                        peak = Math.max(peak, kilobytes(line) * 1024);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // It ended between the listing and the read: its time went to its parent's waited-for children.
            }
        }
        return new Reading(ticks * SECONDS_PER_TICK, resident, peak);
    }

    private List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        pids.add(root.pid());
        root.descendants().forEach(p -> pids.add(p.pid()));
        return pids;
    }

    /** Kills every process of the tree, children first, then the root. */
    public void killAll() {
        root.descendants().forEach(ProcessHandle::destroyForcibly);
        root.destroyForcibly();
    }

    private static long kilobytes(String statusLine) {
        return Long.parseLong(statusLine.split("\\s+")[1]);
    }
}
