package org.optbench.workloads.autoencoder;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.optbench.workloads.layers.Activation;
import org.optbench.workloads.layers.Nonlinearity;
import org.optbench.workloads.layers.Sigmoid;

/** The hidden nonlinearity of an autoencoder: the saturating units of the classic deep autoencoders. */
public enum HiddenUnits implements Nonlinearity {
    /** {@code tanh(z)}. */
    TANH {
        @Override
        public void forwardInPlace(INDArray values) {
            Activation.TANH.forwardInPlace(values);
        }

        @Override
        public void backwardInPlace(INDArray out, INDArray grad) {
            Activation.TANH.backwardInPlace(out, grad);
        }
    },
    /** The logistic sigmoid {@code 1 / (1 + exp(-z))}, as Hinton and Salakhutdinov (2006). */
    SIGMOID {
        @Override
        public void forwardInPlace(INDArray values) {
            Sigmoid.forwardInPlace(values);
        }

        @Override
        public void backwardInPlace(INDArray out, INDArray grad) {
            Sigmoid.backwardInPlace(out, grad);
        }
    };

}
