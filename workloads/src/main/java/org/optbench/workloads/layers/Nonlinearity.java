package org.optbench.workloads.layers;

import org.nd4j.linalg.api.ndarray.INDArray;

/** An element-wise nonlinearity whose derivative can be read from its output (ReLU, tanh, sigmoid, ...). */
public interface Nonlinearity {
    /** {@code z -> f(z)} in place. */
    void forwardInPlace(INDArray values);

    /** {@code grad *= f'(z)}, with {@code f'} computed from {@code out = f(z)}. */
    void backwardInPlace(INDArray out, INDArray grad);
}
