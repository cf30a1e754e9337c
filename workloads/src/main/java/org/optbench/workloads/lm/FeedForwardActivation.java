package org.optbench.workloads.lm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.optbench.workloads.layers.FlatArray;
import org.optbench.workloads.layers.Gelu;

/** The nonlinearity inside a decoder block's MLP; both read the kept pre-activation in the backward pass. */
public enum FeedForwardActivation {
    /** GELU, tanh form; see {@link Gelu}. */
    GELU {
        @Override
        public void forward(INDArray in, INDArray out) {
            Gelu.forward(in, out);
        }

        @Override
        public void backwardInPlace(INDArray in, INDArray grad) {
            Gelu.backwardInPlace(in, grad);
        }
    },
    /** {@code max(0, z)}, derivative {@code [z > 0]}. */
    RELU {
        @Override
        public void forward(INDArray in, INDArray out) {
            FlatArray z = FlatArray.of(in);
            FlatArray y = FlatArray.of(out);
            for (int i = 0; i < z.length(); i++) {
                y.set(i, Math.max(0.0, z.get(i)));
            }
        }

        @Override
        public void backwardInPlace(INDArray in, INDArray grad) {
            FlatArray z = FlatArray.of(in);
            FlatArray g = FlatArray.of(grad);
            for (int i = 0; i < z.length(); i++) {
                if (z.get(i) <= 0) {
                    g.set(i, 0.0);
                }
            }
        }
    };

    /** {@code out = f(in)} element-wise. */
    public abstract void forward(INDArray in, INDArray out);

    /** {@code grad *= f'(in)} in place. */
    public abstract void backwardInPlace(INDArray in, INDArray grad);
}
