package org.optbench.submissions.transform;

import org.optbench.api.ParameterType;

/**
 * A link whose float32 update is elementwise: entry i of its output depends only on entry i of its input, of the
 * parameters and of its own state, given scalars fixed for the step. A chain of such links fuses
 * ({@link FusedChain}): one pass over memory per step, reading the gradient and the parameters once and each state
 * buffer once, instead of one pass per link (AdamW's chain moved 64 bytes an entry unfused, 32 fused).
 *
 * <p>{@link #chunkFloat} must compute exactly what the link's own float {@link #update} computes (both call one
 * kernel), so that fusing changes no bit.
 */
interface ElementwiseLink extends GradientTransformation {
    /** The part of one update that is not per entry (a step count, a learning rate); once per step, first. */
    void beginFloat(TransformState state);

    /**
     * Entries {@code [start, start + len)} of tensor {@code index}, after {@link #beginFloat}.
     *
     * @param u on entry the incoming updates of the chunk, on return this link's output
     * @param x the parameters of the chunk (read-only)
     * @param type the tensor's type, for links that apply to some types only
     */
    void chunkFloat(TransformState state, int index, ParameterType type, int start, int len, float[] u, float[] x);
}
