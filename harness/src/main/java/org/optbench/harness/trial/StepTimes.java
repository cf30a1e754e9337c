package org.optbench.harness.trial;

import java.util.Arrays;

/** Durations of the steps, kept in a growing primitive array so recording one does not box. */
final class StepTimes {
    private long[] nanos = new long[1024];
    private int count;

    void add(long durationNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = durationNanos;
    }

    /** The median in seconds (mean of the two middle values for an even count); NaN when empty. */
    double medianSeconds() {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        double median = count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2.0;
        return median / 1e9;
    }
}
