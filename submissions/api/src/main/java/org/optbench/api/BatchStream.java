package org.optbench.api;

/**
 * The training data as an endless stream of minibatches of a fixed size, shuffled anew each epoch from the trial's
 * seed. {@link Submission#selectData} draws from it.
 */
public interface BatchStream {
    /**
     * The next minibatch. Its arrays may be reused by the following call.
     */
    Batch next();

    /** The number of examples in each batch. */
    int batchSize();

    /**
     * Whether this workload scores its training examples, so that {@link #candidates} can be called. Most do not;
     * a submission that selects by score should fall back to {@link #next()} where it is false.
     *
     * @since 1.2
     */
    default boolean scoresExamples() {
        return false;
    }

    /**
     * The next {@code count} examples of the stream's order, each with the workload's score, to build this step's
     * batch from ({@link Candidates#select}). They are taken from the stream as {@code count / batchSize()} calls
     * of {@link #next()} would take them. The result is valid until the next call on the stream.
     *
     * @param count a multiple of {@link #batchSize()}, at least one batch
     * @throws UnsupportedOperationException where {@link #scoresExamples()} is false
     * @throws IllegalArgumentException for a count that is not a positive multiple of the batch size
     * @since 1.2
     */
    default Candidates candidates(int count) {
        throw new UnsupportedOperationException("this workload offers no per-example scores (scoresExamples() is"
                + " false): use next()");
    }
}
