package org.optbench.workloads.autoencoder;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.optbench.workloads.layers.Activation;
import org.optbench.workloads.layers.Sigmoid;

/** The hidden nonlinearity of an autoencoder: the saturating units of the classic deep autoencoders. */
public enum HiddenUnits {
    /** {@code tanh(z)}. */
    TANH {
        @Override
        void forwardInPlace(INDArray values) {
            Activation.TANH.forwardInPlace(values);
        }

        @Override
        void backwardInPlace(INDArray out, INDArray grad) {
            Activation.TANH.backwardInPlace(out, grad);
        }
    },
    /** The logistic sigmoid {@code 1 / (1 + exp(-z))}, as Hinton and Salakhutdinov (2006). */
    SIGMOID {
        @Override
        void forwardInPlace(INDArray values) {
            Sigmoid.forwardInPlace(values);
        }

        @Override
        void backwardInPlace(INDArray out, INDArray grad) {
            Sigmoid.backwardInPlace(out, grad);
        }
    };

    /** {@code z -> f(z)} in place. */
    abstract void forwardInPlace(INDArray values);

    /** {@code grad *= f'(z)}, read from the output. */
    abstract void backwardInPlace(INDArray out, INDArray grad);
}
