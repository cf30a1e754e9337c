package org.optbench.workloads.layers;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Batch;
import org.optbench.api.LossAndGradients;
import org.optbench.api.Params;
import org.optbench.workloads.Model;

/**
 * An {@link Mlp} with softmax cross-entropy at one batch size: the activation, delta and gradient buffers are
 * allocated once here, and {@link #lossAndGradients} allocates no arrays. Not thread-safe; the gradient tensors
 * are reused by the next call.
 *
 * <p>Forward: {@code a_0 = x}, {@code a_{i+1} = f(a_i W_i + b_i)} (no {@code f} after the last layer).
 * Backward: {@code g_L = (softmax(a_L) - t) / B}; for each layer from the last, {@code dW_i = a_i^T g_{i+1}},
 * {@code db_i = sum_b g_{i+1}}, {@code g_i = (g_{i+1} W_i^T) * f'(a_i)}.
 */
public final class MlpNetwork implements Model, ForwardNetwork {
    private final Mlp mlp;
    private final int batchSize;
    private final DataType dataType;
    /** outputs[i] = layer i's output after its activation; the last is the logits. */
    private final INDArray[] outputs;
    /** deltas[i] = dL/d(pre-activation of layer i). */
    private final INDArray[] deltas;
    private final Params gradients;

    /** Buffers for {@code mlp} at {@code batchSize} in {@code dataType}. */
    public MlpNetwork(Mlp mlp, int batchSize, DataType dataType) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.mlp = mlp;
        this.batchSize = batchSize;
        this.dataType = dataType;
        int layers = mlp.layers();
        outputs = new INDArray[layers];
        deltas = new INDArray[layers];
        for (int i = 0; i < layers; i++) {
            outputs[i] = Nd4j.zeros(dataType, batchSize, mlp.fanOut(i));
            deltas[i] = Nd4j.zeros(dataType, batchSize, mlp.fanOut(i));
        }
        gradients = mlp.zeros(dataType);
    }

    /** The batch size these buffers are for. */
    @Override
    public int batchSize() {
        return batchSize;
    }

    /** The forward pass; returns the logits buffer {@code [batch, classes]}, valid until the next call. */
    @Override
    public INDArray forward(Params params, INDArray inputs) {
        checkShapes(params, inputs);
        INDArray in = inputs;
        int last = mlp.layers() - 1;
        for (int i = 0; i <= last; i++) {
            Dense.forward(in, params.value(2 * i), params.value(2 * i + 1), outputs[i]);
            if (i < last) {
                mlp.activation().forwardInPlace(outputs[i]);
            }
            in = outputs[i];
        }
        return outputs[last];
    }

    /** The mean softmax cross-entropy of {@code batch} and its gradient (minibatch mean). */
    @Override
    public LossAndGradients lossAndGradients(Params params, Batch batch) {
        INDArray inputs = batch.inputs();
        INDArray logits = forward(params, inputs);
        int last = mlp.layers() - 1;
        double loss = SoftmaxCrossEntropy.lossAndGradient(logits, batch.targets(), deltas[last]);
        for (int i = last; i >= 0; i--) {
            INDArray in = i == 0 ? inputs : outputs[i - 1];
            INDArray gradIn = i == 0 ? null : deltas[i - 1];
            Dense.backward(in, params.value(2 * i), deltas[i], gradients.value(2 * i), gradients.value(2 * i + 1),
                    gradIn);
            if (i > 0) {
                mlp.activation().backwardInPlace(outputs[i - 1], deltas[i - 1]);
            }
        }
        return new LossAndGradients(loss, gradients);
    }

    private void checkShapes(Params params, INDArray inputs) {
        if (inputs.size(0) != batchSize) {
            throw new IllegalArgumentException("this network has buffers for batches of " + batchSize + ", got "
                    + inputs.size(0) + " examples");
        }
        if (inputs.dataType() != dataType || params.dataType() != dataType) {
            throw new IllegalArgumentException("this network is " + dataType + ", got inputs "
                    + inputs.dataType() + " and params " + params.dataType());
        }
    }

    @Override
    public void close() {
        for (INDArray a : outputs) {
            a.close();
        }
        for (INDArray a : deltas) {
            a.close();
        }
    }
}
