package org.optbench.results.scoring;

import java.util.Arrays;

/**
 * Step 3 of AlgoPerf's score: a workload's time is the median of its studies' times, the mean of the two middle
 * values for an even count (as {@code numpy.median}); an infinite middle value makes the median infinite.
 */
public final class StudyMedian {
    private StudyMedian() {
    }

    /** The median of {@code studySeconds}; it must not be empty nor hold NaN. */
    public static double of(double... studySeconds) {
        if (studySeconds.length == 0) {
            throw new IllegalArgumentException("no studies");
        }
        double[] sorted = studySeconds.clone();
        Arrays.sort(sorted);
        if (Double.isNaN(sorted[sorted.length - 1])) {
            throw new IllegalArgumentException("a study time is NaN: " + Arrays.toString(studySeconds));
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
