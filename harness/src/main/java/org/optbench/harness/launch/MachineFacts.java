package org.optbench.harness.launch;

import java.util.Map;

import org.optbench.harness.hardware.HardwareFingerprint;
import org.optbench.harness.trial.Software;

/**
 * What the records say about the machine and the software: read once, in the launcher, before any submission code
 * runs anywhere, so no submission can change what they say (a trial JVM's properties are its own).
 *
 * @param hardware the machine
 * @param software optbench's version and commit, ND4J's and Java's
 */
public record MachineFacts(HardwareFingerprint hardware, Map<String, Object> software) {
    private static MachineFacts cached;

    /** This machine, read on first use. */
    public static synchronized MachineFacts here() {
        if (cached == null) {
            cached = new MachineFacts(HardwareFingerprint.probe(), Map.copyOf(Software.asMap()));
        }
        return cached;
    }
}
