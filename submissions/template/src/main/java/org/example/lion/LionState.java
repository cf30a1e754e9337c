package org.example.lion;

import org.optbench.api.OptimizerState;
import org.optbench.api.Params;

/**
 * Lion's state: one momentum buffer per parameter tensor, as views of one flat buffer, and the hyperparameters
 * read once at init so that the step reads no map.
 *
 * @param momentum the exponential moving average {@code m} of the gradients, shaped like the parameters
 * @param learningRate the peak learning rate
 * @param beta1 the interpolation weight of the momentum in the update direction
 * @param beta2 the decay of the momentum
 * @param weightDecay the decoupled weight decay, scaled by the learning rate
 * @param warmupSteps linear warm-up length
 * @param decaySteps the step at which the cosine schedule reaches zero
 */
public record LionState(Params momentum, double learningRate, double beta1, double beta2, double weightDecay,
                        long warmupSteps, long decaySteps) implements OptimizerState {
    @Override
    public long stateBytes() {
        return momentum.numElements() * momentum.dataType().width();
    }
}
