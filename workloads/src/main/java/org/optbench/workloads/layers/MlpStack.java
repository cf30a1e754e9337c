package org.optbench.workloads.layers;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Params;

/**
 * An {@link Mlp} inside a larger model, at a fixed number of rows: its activation and delta buffers are allocated
 * here once, and forward and backward allocate no arrays. Its parameters are the consecutive tensors
 * {@code kernel_0, bias_0, kernel_1, ...} of a {@link Params} from index {@code first} (as
 * {@link ParameterLayout#addMlp} lays them out). With {@code activateLast} the activation also follows the last
 * layer (DLRM's bottom MLP, a GNN update); otherwise the last layer is linear.
 *
 * <p>Forward: {@code a_{i+1} = f(a_i W_i + b_i)}. Backward, from {@code dL/d output} written by the caller into
 * {@link #gradOutput()}: {@code g = g * f'(a_{i+1})} where the layer is activated, {@code dW_i = a_i^T g},
 * {@code db_i = sum_rows g}, {@code g = g W_i^T}. Gradients are overwritten, not accumulated.
 */
public final class MlpStack implements AutoCloseable {
    private final Mlp mlp;
    private final boolean activateLast;
    private final int rows;
    private final DataType dataType;
    private final INDArray[] outputs;
    private final INDArray[] deltas;

    /** Buffers for {@code rows} rows. */
    public MlpStack(Mlp mlp, boolean activateLast, int rows, DataType dataType) {
        this.mlp = mlp;
        this.activateLast = activateLast;
        this.rows = rows;
        this.dataType = dataType;
        outputs = new INDArray[mlp.layers()];
        deltas = new INDArray[mlp.layers()];
        for (int i = 0; i < mlp.layers(); i++) {
            outputs[i] = Nd4j.zeros(dataType, rows, mlp.fanOut(i));
            deltas[i] = Nd4j.zeros(dataType, rows, mlp.fanOut(i));
        }
    }

    /** The architecture. */
    public Mlp mlp() {
        return mlp;
    }

    /** The number of rows. */
    public int rows() {
        return rows;
    }

    /** The output of the last forward pass, {@code [rows, out]}. */
    public INDArray output() {
        return outputs[outputs.length - 1];
    }

    /** Where the caller writes {@code dL/d output} before {@link #backward}; overwritten by it. */
    public INDArray gradOutput() {
        return deltas[deltas.length - 1];
    }

    private boolean activated(int layer) {
        return layer < mlp.layers() - 1 || activateLast;
    }

    /** The forward pass on {@code input [rows, in]}; returns {@link #output()}. */
    public INDArray forward(Params params, int first, INDArray input) {
        if (input.size(0) != rows || input.dataType() != dataType) {
            throw new IllegalArgumentException("this MLP has " + dataType + " buffers for " + rows + " rows, got "
                    + input.dataType() + " " + input.size(0));
        }
        INDArray in = input;
        for (int i = 0; i < mlp.layers(); i++) {
            Dense.forward(in, params.value(first + 2 * i), params.value(first + 2 * i + 1), outputs[i]);
            if (activated(i)) {
                mlp.activation().forwardInPlace(outputs[i]);
            }
            in = outputs[i];
        }
        return output();
    }

    /**
     * The backward pass from {@link #gradOutput()}: writes the parameter gradients into {@code grads} (same
     * indices as the parameters) and, unless {@code gradInput} is null, {@code dL/d input} into it.
     */
    public void backward(Params params, int first, INDArray input, Params grads, INDArray gradInput) {
        for (int i = mlp.layers() - 1; i >= 0; i--) {
            if (activated(i)) {
                mlp.activation().backwardInPlace(outputs[i], deltas[i]);
            }
            INDArray in = i == 0 ? input : outputs[i - 1];
            INDArray gin = i == 0 ? gradInput : deltas[i - 1];
            Dense.backward(in, params.value(first + 2 * i), deltas[i], grads.value(first + 2 * i),
                    grads.value(first + 2 * i + 1), gin);
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < outputs.length; i++) {
            outputs[i].close();
            deltas[i].close();
        }
    }
}
