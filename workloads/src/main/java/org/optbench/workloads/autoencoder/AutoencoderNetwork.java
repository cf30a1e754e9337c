package org.optbench.workloads.autoencoder;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.optbench.api.Batch;
import org.optbench.api.LossAndGradients;
import org.optbench.api.Params;
import org.optbench.workloads.Model;
import org.optbench.workloads.layers.DenseChain;
import org.optbench.workloads.layers.Nonlinearity;
import org.optbench.workloads.layers.SigmoidCrossEntropy;

/**
 * An {@link AutoencoderArchitecture} with sigmoid cross-entropy against the batch's targets (the inputs
 * themselves) at one batch size: a {@link DenseChain} with the hidden units after every layer but the code and
 * output layers, and the gradient buffers, all allocated once here; none in {@link #lossAndGradients}. Not
 * thread-safe; the gradient tensors are reused by the next call.
 *
 * <p>Backward starts from {@code g_L = (s(a_L) - x) / (B * D)}.
 */
public final class AutoencoderNetwork implements Model {
    private final DenseChain chain;
    private final Params gradients;

    /** Buffers for {@code arch} at {@code batchSize} in {@code dataType}. */
    public AutoencoderNetwork(AutoencoderArchitecture arch, int batchSize, DataType dataType) {
        Nonlinearity[] nonlinearities = new Nonlinearity[arch.layers()];
        for (int i = 0; i < arch.layers(); i++) {
            nonlinearities[i] = arch.squashes(i) ? arch.units() : null;
        }
        this.chain = new DenseChain(arch.widths(), nonlinearities, batchSize, dataType);
        this.gradients = arch.zeros(dataType);
    }

    /** The batch size these buffers are for. */
    public int batchSize() {
        return chain.batchSize();
    }

    /** The forward pass; returns the reconstruction logits {@code [batch, D]}, valid until the next call. */
    public INDArray forward(Params params, INDArray inputs) {
        return chain.forward(params, inputs);
    }

    /** The mean sigmoid cross-entropy of the reconstruction against the targets, and its gradient. */
    @Override
    public LossAndGradients lossAndGradients(Params params, Batch batch) {
        INDArray logits = chain.forward(params, batch.inputs());
        double loss = SigmoidCrossEntropy.lossAndGradient(logits, batch.targets(), chain.outputDelta());
        chain.backward(params, batch.inputs(), gradients);
        return new LossAndGradients(loss, gradients);
    }

    @Override
    public void close() {
        chain.close();
    }
}
