package org.optbench.workloads.dlrm;

import java.nio.IntBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Batch;
import org.optbench.api.LossAndGradients;
import org.optbench.api.Params;
import org.optbench.workloads.layers.DotInteraction;
import org.optbench.workloads.layers.Embedding;
import org.optbench.workloads.layers.MlpStack;
import org.optbench.workloads.layers.SigmoidCrossEntropy;
import org.optbench.workloads.layers.Values;

/**
 * A {@link DlrmArchitecture} at one batch size, every buffer allocated here once.
 *
 * <p>Forward: {@code z_0 = bottom(dense)}, {@code z_t = table_t[row_t]} for each table; the feature matrix
 * {@code Z = [z_0 | z_1 | ... | z_T]}; the top input {@code [z_0 | <z_i, z_j>_{i<j}]} (dot) or {@code Z}
 * (concatenation); the logit {@code top(...)}; sigmoid cross-entropy against the click.
 *
 * <p>Backward in reverse, by hand. The tables' gradients are zero except on the rows of the batch: before the
 * scatter-add the rows touched by the previous call are zeroed, so a step costs {@code O(batch x dim)} per table,
 * not {@code O(rows x dim)}. This relies on the caller treating the returned gradients as read-only, as
 * {@link LossAndGradients} says.
 */
final class DlrmNetwork implements AutoCloseable {
    private final DlrmArchitecture arch;
    private final int batchSize;
    private final DataType dataType;
    private final int dim;
    private final int features;
    private final MlpStack bottom;
    private final MlpStack top;
    private final INDArray z;
    private final INDArray topInput;
    private final INDArray gradTopInput;
    private final INDArray gradZ;
    private final INDArray gradBottomOutput;
    /** rows[t][b]: the row of table t for example b of the current batch. */
    private final int[][] rows;
    /** The rows whose table gradients are nonzero from the previous call. */
    private final int[][] dirtyRows;
    private boolean dirty;
    private final Params gradients;

    DlrmNetwork(DlrmArchitecture arch, int batchSize, DataType dataType) {
        this.arch = arch;
        this.batchSize = batchSize;
        this.dataType = dataType;
        this.dim = arch.embeddingDim();
        this.features = arch.features();
        bottom = new MlpStack(arch.bottom(), true, batchSize, dataType);
        top = new MlpStack(arch.top(), false, batchSize, dataType);
        z = Nd4j.zeros(dataType, batchSize, (long) features * dim);
        boolean dot = arch.interaction() == Interaction.DOT;
        topInput = dot ? Nd4j.zeros(dataType, batchSize, arch.topInputs()) : z;
        gradTopInput = Nd4j.zeros(dataType, batchSize, arch.topInputs());
        gradZ = dot ? Nd4j.zeros(dataType, batchSize, (long) features * dim) : gradTopInput;
        gradBottomOutput = bottom.gradOutput();
        rows = new int[arch.tables()][batchSize];
        dirtyRows = new int[arch.tables()][batchSize];
        gradients = arch.layout().zeros(dataType);
    }

    int batchSize() {
        return batchSize;
    }

    /** Reads the batch's table rows from an INT {@code [rows, tables]} array, checking their range. */
    void readRows(INDArray categorical) {
        IntBuffer c = Values.ints(categorical);
        int o = (int) categorical.offset();
        int tables = arch.tables();
        for (int b = 0; b < batchSize; b++) {
            for (int t = 0; t < tables; t++) {
                int r = c.get(o + b * tables + t);
                if (r < 0 || r >= arch.vocabularies().get(t)) {
                    throw new IllegalArgumentException("categorical feature " + t + " of example " + b + " is row "
                            + r + ", table has " + arch.vocabularies().get(t));
                }
                rows[t][b] = r;
            }
        }
    }

    /** The forward pass on the rows read last; returns the logits {@code [batch, 1]}. */
    INDArray forward(Params params, INDArray dense) {
        if (dense.size(0) != batchSize || dense.dataType() != dataType || params.dataType() != dataType) {
            throw new IllegalArgumentException("this network has " + dataType + " buffers for batches of "
                    + batchSize + ", got " + dense.dataType() + " " + dense.size(0));
        }
        INDArray z0 = bottom.forward(params, arch.bottomFirst(), dense);
        copyColumns(z0, 0, z, 0, dim);
        for (int t = 0; t < arch.tables(); t++) {
            Embedding.lookup(params.value(t), rows[t], z, (t + 1) * dim);
        }
        if (arch.interaction() == Interaction.DOT) {
            copyColumns(z, 0, topInput, 0, dim);
            DotInteraction.forward(z, features, dim, topInput, dim);
        }
        return top.forward(params, arch.topFirst(), topInput);
    }

    LossAndGradients lossAndGradients(Params params, Batch batch) {
        readRows(batch.get(DlrmWorkload.CATEGORICAL));
        INDArray dense = batch.inputs();
        INDArray logits = forward(params, dense);
        double loss = SigmoidCrossEntropy.lossAndGradient(logits, batch.targets(), top.gradOutput());
        top.backward(params, arch.topFirst(), topInput, gradients, gradTopInput);
        if (arch.interaction() == Interaction.DOT) {
            zero(gradZ);
            copyColumns(gradTopInput, 0, gradZ, 0, dim);
            DotInteraction.backward(z, features, dim, gradTopInput, dim, gradZ);
        }
        for (int t = 0; t < arch.tables(); t++) {
            INDArray gradTable = gradients.value(t);
            if (dirty) {
                Embedding.zeroRows(gradTable, dirtyRows[t]);
            }
            Embedding.scatterAdd(gradZ, (t + 1) * dim, rows[t], gradTable);
            System.arraycopy(rows[t], 0, dirtyRows[t], 0, batchSize);
        }
        dirty = true;
        copyColumns(gradZ, 0, gradBottomOutput, 0, dim);
        bottom.backward(params, arch.bottomFirst(), dense, gradients, null);
        return new LossAndGradients(loss, gradients);
    }

    /** {@code to[b, toColumn + j] = from[b, fromColumn + j]} for {@code j < width}. */
    private void copyColumns(INDArray from, int fromColumn, INDArray to, int toColumn, int width) {
        Values f = Values.of(from);
        Values t = Values.of(to);
        int fw = (int) from.size(1);
        int tw = (int) to.size(1);
        for (int b = 0; b < batchSize; b++) {
            for (int j = 0; j < width; j++) {
                t.set(b * tw + toColumn + j, f.get(b * fw + fromColumn + j));
            }
        }
    }

    private static void zero(INDArray a) {
        Values v = Values.of(a);
        int n = (int) a.length();
        for (int i = 0; i < n; i++) {
            v.set(i, 0);
        }
    }

    @Override
    public void close() {
        bottom.close();
        top.close();
        z.close();
        gradTopInput.close();
        if (arch.interaction() == Interaction.DOT) {
            topInput.close();
            gradZ.close();
        }
    }
}
