package org.optbench.harness.launch;

import java.util.function.IntSupplier;

/**
 * Where a launched trial runs on this machine.
 *
 * @param cpu the core its JVM is pinned to ({@code taskset}), or {@code null} for no pinning
 * @param trialsRunning how many trials of the study run on this machine now, this one included
 */
public record Placement(Integer cpu, IntSupplier trialsRunning) {
    /** Unpinned, alone. */
    public static Placement alone() {
        return new Placement(null, () -> 1);
    }
}
