package org.optbench.results.records;

import java.util.List;
import java.util.Objects;

/**
 * A complete trial as read back from its directory: its {@code trial.json} and its evaluations in order.
 *
 * @param record the trial's spec and outcome
 * @param evals the rows of {@code eval_measurements.csv}, in file order (empty when the trial never evaluated)
 */
public record TrialResult(TrialRecord record, List<EvalRow> evals) {

    /** Copies {@code evals} into an unmodifiable list. */
    public TrialResult {
        Objects.requireNonNull(record, "record");
        evals = List.copyOf(evals);
    }
}
