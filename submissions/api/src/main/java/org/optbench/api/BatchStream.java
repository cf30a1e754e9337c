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
}
