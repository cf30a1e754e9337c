package org.optbench.results.scoring;

import java.util.List;

/**
 * Step 2 of AlgoPerf's score: a study's time comes from the trial, among those that reached the target, that
 * reached it at the smallest evaluation index; ties go to the smaller time (AlgoPerf compares eval indices, not
 * times, because evaluations are what all trials share). No trial reaching it: infinity.
 */
public final class BestTrial {
    private BestTrial() {
    }

    /** The winning hit of one study, or {@link TargetHit#never} (trial 0) when no trial reached the target. */
    public static TargetHit of(List<TargetHit> trials) {
        TargetHit best = null;
        for (TargetHit hit : trials) {
            if (!hit.reached()) {
                continue;
            }
            if (best == null || hit.evalIndex() < best.evalIndex()
                    || (hit.evalIndex() == best.evalIndex() && hit.seconds() < best.seconds())) {
                best = hit;
            }
        }
        return best == null ? TargetHit.never(0) : best;
    }
}
