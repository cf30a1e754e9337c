package org.optbench.harness.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's 1-minute load average, from {@code /proc/loadavg}. */
public final class LoadAverage {
    private LoadAverage() {
    }

    /** The 1-minute load average, or {@code null} where {@code /proc} is not available. */
    public static Double oneMinute() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
