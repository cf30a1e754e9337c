package org.optbench.results.scoring;

/**
 * Where one trial first reached its validation target.
 *
 * @param trial the trial's number within its study (1-based, as in its directory name)
 * @param evalIndex the 0-based index of the first evaluation at or beyond the target, -1 when none reached it
 * @param seconds the submission time at that evaluation, {@code +inf} when none reached it
 */
public record TargetHit(int trial, int evalIndex, double seconds) {

    /** A trial that never reached the target. */
    public static TargetHit never(int trial) {
        return new TargetHit(trial, -1, Double.POSITIVE_INFINITY);
    }

    /** Whether the target was reached. */
    public boolean reached() {
        return evalIndex >= 0;
    }
}
