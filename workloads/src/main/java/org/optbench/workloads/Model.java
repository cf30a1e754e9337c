package org.optbench.workloads;

import org.optbench.api.Batch;
import org.optbench.api.LossAndGradients;
import org.optbench.api.Params;

/**
 * A workload's network at one batch size, with every activation and gradient buffer allocated once. Not
 * thread-safe. The gradient tensors of the result are reused by the next call.
 */
public interface Model extends AutoCloseable {
    /** The mean loss over {@code batch} at {@code params} and its gradient (the minibatch mean, not the sum). */
    LossAndGradients lossAndGradients(Params params, Batch batch);

    /**
     * Says that update step {@code step} (0 for the first) begins; its requests follow. The harness calls it before
     * each step; a model whose answers depend on the step (delayed gradients) listens, others need not.
     */
    default void beginStep(long step) {
    }

    /** Frees native buffers early; the garbage collector would otherwise do it late. */
    @Override
    default void close() {
    }
}
