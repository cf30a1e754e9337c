package org.optbench.workloads.layers;

import java.util.Arrays;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Params;

/**
 * Dense layers in a chain at one batch size, each followed by its nonlinearity or by none, the last one linear: the
 * activation and delta buffers are allocated once here, and forward and backward allocate no arrays. The
 * parameters are {@code kernel_0, bias_0, kernel_1, ...}; gradients are overwritten, not accumulated. Not
 * thread-safe; the buffers are reused by the next call. The networks of {@link MlpNetwork} and the autoencoder.
 *
 * <p>Forward: {@code a_0 = x}, {@code a_{i+1} = f_i(a_i W_i + b_i)}. Backward, from {@code g_L = dL/d a_L} written
 * by the loss into {@link #outputDelta()}: for each layer from the last, {@code dW_i = a_i^T g_{i+1}},
 * {@code db_i = sum_b g_{i+1}}, {@code g_i = (g_{i+1} W_i^T) * f_{i-1}'(a_i)}.
 */
public final class DenseChain implements AutoCloseable {
    private final List<Integer> widths;
    private final Nonlinearity[] nonlinearities;
    private final int batchSize;
    private final DataType dataType;
    /** outputs[i] = layer i's output after its nonlinearity; the last is the logits. */
    private final INDArray[] outputs;
    /** deltas[i] = dL/d(pre-activation of layer i). */
    private final INDArray[] deltas;

    /**
     * @param widths the input width, then each layer's output width
     * @param nonlinearities one per layer, {@code null} for none; the last must be {@code null}
     * @param batchSize the rows the buffers hold
     * @param dataType FLOAT or DOUBLE
     */
    public DenseChain(List<Integer> widths, Nonlinearity[] nonlinearities, int batchSize, DataType dataType) {
        int layers = widths.size() - 1;
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        if (nonlinearities.length != layers || nonlinearities[layers - 1] != null) {
            throw new IllegalArgumentException("need one nonlinearity per layer and a linear last layer, got "
                    + Arrays.toString(nonlinearities) + " for widths " + widths);
        }
        this.widths = List.copyOf(widths);
        this.nonlinearities = nonlinearities.clone();
        this.batchSize = batchSize;
        this.dataType = dataType;
        outputs = new INDArray[layers];
        deltas = new INDArray[layers];
        for (int i = 0; i < layers; i++) {
            outputs[i] = Nd4j.zeros(dataType, batchSize, widths.get(i + 1));
            deltas[i] = Nd4j.zeros(dataType, batchSize, widths.get(i + 1));
        }
    }

    /** The batch size these buffers are for. */
    public int batchSize() {
        return batchSize;
    }

    /** The forward pass; returns the last layer's output {@code [batch, width]}, valid until the next call. */
    public INDArray forward(Params params, INDArray inputs) {
        if (inputs.size(0) != batchSize || inputs.length() != (long) batchSize * widths.get(0)) {
            throw new IllegalArgumentException("this network has buffers for " + batchSize + " inputs of "
                    + widths.get(0) + ", got shape " + Arrays.toString(inputs.shape()));
        }
        if (inputs.dataType() != dataType || params.dataType() != dataType) {
            throw new IllegalArgumentException("this network is " + dataType + ", got inputs " + inputs.dataType()
                    + " and params " + params.dataType());
        }
        INDArray in = inputs;
        for (int i = 0; i < outputs.length; i++) {
            Dense.forward(in, params.value(2 * i), params.value(2 * i + 1), outputs[i]);
            if (nonlinearities[i] != null) {
                nonlinearities[i].forwardInPlace(outputs[i]);
            }
            in = outputs[i];
        }
        return outputs[outputs.length - 1];
    }

    /** Where the loss writes {@code dL/d(logits)} before {@link #backward}. */
    public INDArray outputDelta() {
        return deltas[deltas.length - 1];
    }

    /** The backward pass after {@link #forward} on the same inputs; writes every parameter's gradient. */
    public void backward(Params params, INDArray inputs, Params gradients) {
        for (int i = outputs.length - 1; i >= 0; i--) {
            INDArray in = i == 0 ? inputs : outputs[i - 1];
            INDArray gradIn = i == 0 ? null : deltas[i - 1];
            Dense.backward(in, params.value(2 * i), deltas[i], gradients.value(2 * i), gradients.value(2 * i + 1),
                    gradIn);
            if (i > 0 && nonlinearities[i - 1] != null) {
                nonlinearities[i - 1].backwardInPlace(outputs[i - 1], deltas[i - 1]);
            }
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
