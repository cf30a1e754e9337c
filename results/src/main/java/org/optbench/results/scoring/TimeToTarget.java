package org.optbench.results.scoring;

import java.util.List;
import org.optbench.results.records.EvalRow;
import org.optbench.api.MetricDirection;

/**
 * Step 1 of AlgoPerf's score: a trial's time to target is the submission time of its first evaluation whose
 * validation metric is at or beyond the target ({@code <=} for losses and error rates, {@code >=} for accuracy,
 * mAP, SSIM, BLEU). NaN never reaches. No evaluation reaching it: infinity.
 */
public final class TimeToTarget {
    private TimeToTarget() {
    }

    /**
     * The first evaluation of {@code evals} whose {@code metricColumn} reaches {@code target}.
     *
     * @param trial the trial's number, carried into the hit
     * @param metricColumn the validation column, e.g. {@code "validation/accuracy"}
     */
    public static TargetHit firstHit(int trial, List<EvalRow> evals, String metricColumn, MetricDirection direction,
                                     double target) {
        for (int i = 0; i < evals.size(); i++) {
            EvalRow row = evals.get(i);
            if (direction.reaches(row.metric(metricColumn), target)) {
                return new TargetHit(trial, i, row.submissionSeconds());
            }
        }
        return TargetHit.never(trial);
    }
}
