package org.optbench.api;

/**
 * Training examples offered to {@link Submission#selectData} to build a batch from, each with the workload's score
 * of it: the data-selection hook with scores. A workload that scores its examples says so with
 * {@link BatchStream#scoresExamples()}; {@link BatchStream#candidates} draws them from the stream's order, as
 * {@link BatchStream#next()} would, so that examples a submission passes over are not offered again this epoch.
 *
 * <p>A score is the loss of the workload's reference model on the example (for {@code sotu_lm_slm}, its small
 * language model's mean cross-entropy over the example's positions, in nats): higher means harder for that model.
 * It is fixed when the workload is built, so reading it costs nothing; what a submission does with it (top-k,
 * sampling in proportion, a loss difference) is timed as the rest of {@code selectData}.
 */
public interface Candidates {
    /** The number of candidates, indexed from 0. */
    int size();

    /** The workload's score of candidate {@code index}. */
    double score(int index);

    /**
     * This step's batch: the candidates at {@code chosen}, in that order, exactly {@link BatchStream#batchSize()} of
     * them (an index may repeat). Like {@link BatchStream#next()} it may reuse the stream's arrays.
     *
     * @throws IllegalArgumentException for a count other than the batch size or an index outside [0, size)
     */
    Batch select(int... chosen);
}
