package org.optbench.workloads.autoencoder;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Batch;
import org.optbench.api.LossAndGradients;
import org.optbench.api.Params;
import org.optbench.workloads.layers.Dense;
import org.optbench.workloads.layers.SigmoidCrossEntropy;
import org.optbench.workloads.Model;

/**
 * An {@link AutoencoderArchitecture} with sigmoid cross-entropy against the batch's targets (the inputs
 * themselves) at one batch size: buffers allocated once here, none in {@link #lossAndGradients}. Not thread-safe;
 * the gradient tensors are reused by the next call.
 *
 * <p>Forward: {@code a_0 = x}, {@code a_{i+1} = f_i(a_i W_i + b_i)} with {@code f_i} the hidden units or the
 * identity (code and output layers). Backward: {@code g_L = (s(a_L) - x) / (B * D)}; for each layer from the last,
 * {@code dW_i = a_i^T g_{i+1}}, {@code db_i = sum_b g_{i+1}}, {@code g_i = (g_{i+1} W_i^T) * f_{i-1}'(a_i)}.
 */
public final class AutoencoderNetwork implements Model {
    private final AutoencoderArchitecture arch;
    private final int batchSize;
    private final DataType dataType;
    private final INDArray[] outputs;
    private final INDArray[] deltas;
    private final Params gradients;

    /** Buffers for {@code arch} at {@code batchSize} in {@code dataType}. */
    public AutoencoderNetwork(AutoencoderArchitecture arch, int batchSize, DataType dataType) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.arch = arch;
        this.batchSize = batchSize;
        this.dataType = dataType;
        int layers = arch.layers();
        outputs = new INDArray[layers];
        deltas = new INDArray[layers];
        for (int i = 0; i < layers; i++) {
            outputs[i] = Nd4j.zeros(dataType, batchSize, arch.fanOut(i));
            deltas[i] = Nd4j.zeros(dataType, batchSize, arch.fanOut(i));
        }
        gradients = arch.zeros(dataType);
    }

    /** The batch size these buffers are for. */
    public int batchSize() {
        return batchSize;
    }

    /** The forward pass; returns the reconstruction logits {@code [batch, D]}, valid until the next call. */
    public INDArray forward(Params params, INDArray inputs) {
        if (inputs.size(0) != batchSize || inputs.length() != (long) batchSize * arch.fanIn(0)) {
            throw new IllegalArgumentException("this network has buffers for " + batchSize + " inputs of "
                    + arch.fanIn(0) + ", got shape " + java.util.Arrays.toString(inputs.shape()));
        }
        if (inputs.dataType() != dataType || params.dataType() != dataType) {
            throw new IllegalArgumentException("this network is " + dataType + ", got inputs " + inputs.dataType()
                    + " and params " + params.dataType());
        }
        INDArray in = inputs;
        for (int i = 0; i < arch.layers(); i++) {
            Dense.forward(in, params.value(2 * i), params.value(2 * i + 1), outputs[i]);
            if (arch.squashes(i)) {
                arch.units().forwardInPlace(outputs[i]);
            }
            in = outputs[i];
        }
        return outputs[arch.layers() - 1];
    }

    /** The mean sigmoid cross-entropy of the reconstruction against the targets, and its gradient. */
    @Override
    public LossAndGradients lossAndGradients(Params params, Batch batch) {
        INDArray inputs = batch.inputs();
        INDArray logits = forward(params, inputs);
        int last = arch.layers() - 1;
        double loss = SigmoidCrossEntropy.lossAndGradient(logits, batch.targets(), deltas[last]);
        for (int i = last; i >= 0; i--) {
            INDArray in = i == 0 ? inputs : outputs[i - 1];
            INDArray gradIn = i == 0 ? null : deltas[i - 1];
            Dense.backward(in, params.value(2 * i), deltas[i], gradients.value(2 * i), gradients.value(2 * i + 1),
                    gradIn);
            if (i > 0 && arch.squashes(i - 1)) {
                arch.units().backwardInPlace(outputs[i - 1], deltas[i - 1]);
            }
        }
        return new LossAndGradients(loss, gradients);
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
