package org.optbench.submissions.transform;

import org.optbench.api.ParameterType;
import org.optbench.api.Params;

/**
 * Adds weight decay to the updates: {@code u <- u + lambda * x} for the parameters the mask selects, with
 * {@code x} the parameters before this step's update (Optax's {@code add_decayed_weights}). Where it sits in the
 * chain decides which kind of decay it is:
 * <ul>
 *   <li>after the preconditioner and before the learning rate, it is <b>decoupled</b>, LR-scaled weight decay as in
 *   PyTorch's AdamW: {@code x <- x - lr (adam + lambda x)}, algebraically PyTorch's
 *   {@code x <- x (1 - lr lambda) - lr adam} (Loshchilov and Hutter, "Decoupled Weight Decay Regularization",
 *   ICLR 2019; {@code torch/optim/adamw.py});</li>
 *   <li>first in the chain, before momentum, it is <b>coupled</b> L2 regularisation, {@code d = g + lambda x}, as
 *   PyTorch's SGD {@code weight_decay} ({@code torch/optim/sgd.py}) and AlgoPerf's momentum baselines.</li>
 * </ul>
 * Stateless.
 */
public final class AddDecayedWeights implements ElementwiseLink {
    private final double weightDecay;
    private final ParameterMask mask;

    /**
     * @param weightDecay {@code lambda}, at least 0
     * @param mask the parameters to decay; {@link ParameterMask#all()} as PyTorch does
     */
    public AddDecayedWeights(double weightDecay, ParameterMask mask) {
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("weight decay must be at least 0, got " + weightDecay);
        }
        this.weightDecay = weightDecay;
        this.mask = mask;
    }

    @Override
    public TransformState init(Params params) {
        return TransformState.EMPTY;
    }

    @Override
    public void update(Params updates, TransformState state, Params params) {
        if (weightDecay == 0) {
            return;
        }
        for (int p = 0; p < updates.size(); p++) {
            if (mask.includes(params.get(p).type())) {
                Elements.addScaled(updates.value(p), params.value(p), weightDecay);
            }
        }
    }

    @Override
    public void beginFloat(TransformState state) {
    }

    @Override
    public void chunkFloat(TransformState state, int index, ParameterType type, int start, int len, float[] u,
                           float[] x) {
        if (weightDecay != 0 && mask.includes(type)) {
            Elements.addScaledChunk(u, x, (float) weightDecay, len);
        }
    }
}
