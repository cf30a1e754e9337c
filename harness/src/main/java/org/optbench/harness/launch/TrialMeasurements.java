package org.optbench.harness.launch;

/**
 * What a trial's launcher measured itself, outside the trial JVM.
 *
 * @param wallSeconds wall time from the trial JVM's start to its end
 * @param processCpuSeconds CPU time of the whole process tree (every thread and child of the trial JVM)
 * @param peakRssBytes the largest resident set the trial JVM reached, or -1 where unknown
 * @param loadAverageStart the machine's 1-minute load average at the start, or {@code null}
 * @param loadAverageEnd the same at the end
 * @param concurrentTrials how many other trials of the study ran on this machine beside it, at most
 * @param sandbox {@code "bwrap"} or {@code "none"}
 */
public record TrialMeasurements(double wallSeconds, double processCpuSeconds, long peakRssBytes,
                                Double loadAverageStart, Double loadAverageEnd, int concurrentTrials,
                                String sandbox) {
}
