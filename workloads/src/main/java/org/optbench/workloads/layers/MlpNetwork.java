package org.optbench.workloads.layers;

import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.optbench.api.Batch;
import org.optbench.api.LossAndGradients;
import org.optbench.api.Params;
import org.optbench.workloads.Model;

/**
 * An {@link Mlp} with softmax cross-entropy at one batch size: a {@link DenseChain} with the activation after every
 * layer but the last, and the gradient buffers, all allocated once here; {@link #lossAndGradients} allocates no
 * arrays. Not thread-safe; the gradient tensors are reused by the next call.
 *
 * <p>Backward starts from {@code g_L = (softmax(a_L) - t) / B} (minibatch mean).
 */
public final class MlpNetwork implements Model, ForwardNetwork {
    private final DenseChain chain;
    private final Params gradients;

    /** Buffers for {@code mlp} at {@code batchSize} in {@code dataType}. */
    public MlpNetwork(Mlp mlp, int batchSize, DataType dataType) {
        Nonlinearity[] nonlinearities = new Nonlinearity[mlp.layers()];
        Arrays.fill(nonlinearities, 0, mlp.layers() - 1, mlp.activation());
        this.chain = new DenseChain(mlp.widths(), nonlinearities, batchSize, dataType);
        this.gradients = mlp.zeros(dataType);
    }

    /** The batch size these buffers are for. */
    @Override
    public int batchSize() {
        return chain.batchSize();
    }

    /** The forward pass; returns the logits buffer {@code [batch, classes]}, valid until the next call. */
    @Override
    public INDArray forward(Params params, INDArray inputs) {
        return chain.forward(params, inputs);
    }

    /** The mean softmax cross-entropy of {@code batch} and its gradient (minibatch mean). */
    @Override
    public LossAndGradients lossAndGradients(Params params, Batch batch) {
        INDArray logits = chain.forward(params, batch.inputs());
        double loss = SoftmaxCrossEntropy.lossAndGradient(logits, batch.targets(), chain.outputDelta());
        chain.backward(params, batch.inputs(), gradients);
        return new LossAndGradients(loss, gradients);
    }

    @Override
    public void close() {
        chain.close();
    }
}
