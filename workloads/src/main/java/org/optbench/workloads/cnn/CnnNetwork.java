package org.optbench.workloads.cnn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Batch;
import org.optbench.api.LossAndGradients;
import org.optbench.api.Params;
import org.optbench.workloads.layers.Conv2d;
import org.optbench.workloads.layers.Dense;
import org.optbench.workloads.layers.LayerNorm;
import org.optbench.workloads.layers.MaxPool2d;
import org.optbench.workloads.layers.SoftmaxCrossEntropy;
import org.optbench.workloads.Model;
import org.optbench.workloads.layers.ForwardNetwork;

/**
 * A {@link CnnArchitecture} with softmax cross-entropy at one batch size: every buffer is allocated here, once, and
 * {@link #lossAndGradients} allocates no arrays. Not thread-safe; the gradient tensors are reused by the next call.
 *
 * <p>Forward, block {@code i}: {@code z_i = conv_i(p_{i-1})} ({@code p_{-1}} the images, NHWC), optionally
 * {@code z_i = LN(z_i)}, {@code a_i = f(z_i)}, {@code p_i = maxpool(a_i)}; head: {@code h = f([LN](p W_0 + b_0))},
 * {@code logits = h W_1 + b_1}. Backward runs the same layers in reverse with their explicit backward passes.
 */
public final class CnnNetwork implements Model, ForwardNetwork {
    private final CnnArchitecture arch;
    private final int batchSize;
    private final DataType dataType;
    private final int blocks;
    private final Conv2d[] convs;
    private final MaxPool2d[] pools;
    private final INDArray[] cols;
    /** Block outputs after normalisation and activation, {@code [batch * positions, channels]}. */
    private final INDArray[] activated;
    private final INDArray[] normalized;
    private final double[][] invStd;
    private final int[][] winners;
    /** Pooled outputs {@code [batch, features]}; the last is the dense head's input. */
    private final INDArray[] pooled;
    private final INDArray[] gradActivated;
    private final INDArray[] gradCols;
    private final INDArray[] gradPooled;
    private final INDArray hidden;
    private final INDArray hiddenNormalized;
    private final double[] hiddenInvStd;
    private final INDArray logits;
    private final INDArray gradHidden;
    private final INDArray gradLogits;
    private final Params gradients;
    /** Index of each block's first parameter, and the dense head's. */
    private final int[] firstParam;
    private final int headParam;

    /** Buffers for {@code arch} at {@code batchSize} in {@code dataType}. */
    public CnnNetwork(CnnArchitecture arch, int batchSize, DataType dataType) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.arch = arch;
        this.batchSize = batchSize;
        this.dataType = dataType;
        blocks = arch.blocks();
        convs = new Conv2d[blocks];
        pools = new MaxPool2d[blocks];
        cols = new INDArray[blocks];
        activated = new INDArray[blocks];
        normalized = new INDArray[blocks];
        invStd = new double[blocks][];
        winners = new int[blocks][];
        pooled = new INDArray[blocks];
        gradActivated = new INDArray[blocks];
        gradCols = new INDArray[blocks];
        gradPooled = new INDArray[blocks];
        firstParam = new int[blocks];
        int param = 0;
        for (int i = 0; i < blocks; i++) {
            Conv2d c = arch.conv(i);
            MaxPool2d p = arch.pool(i);
            convs[i] = c;
            pools[i] = p;
            long rows = (long) batchSize * c.positions();
            cols[i] = Nd4j.zeros(dataType, rows, c.patchSize());
            activated[i] = Nd4j.zeros(dataType, rows, c.outChannels());
            gradActivated[i] = Nd4j.zeros(dataType, rows, c.outChannels());
            if (arch.layerNorm()) {
                normalized[i] = Nd4j.zeros(dataType, rows, c.outChannels());
                invStd[i] = new double[(int) rows];
            }
            winners[i] = new int[batchSize * p.outputSize()];
            pooled[i] = Nd4j.zeros(dataType, batchSize, p.outputSize());
            gradPooled[i] = Nd4j.zeros(dataType, batchSize, p.outputSize());
            // The first block's input is the data: it needs no gradient, hence no dcols.
            gradCols[i] = i == 0 ? null : Nd4j.zeros(dataType, rows, c.patchSize());
            firstParam[i] = param;
            param += arch.layerNorm() ? 3 : 2;
        }
        headParam = param;
        hidden = Nd4j.zeros(dataType, batchSize, arch.hidden());
        gradHidden = Nd4j.zeros(dataType, batchSize, arch.hidden());
        hiddenNormalized = arch.layerNorm() ? Nd4j.zeros(dataType, batchSize, arch.hidden()) : null;
        hiddenInvStd = arch.layerNorm() ? new double[batchSize] : null;
        logits = Nd4j.zeros(dataType, batchSize, arch.classes());
        gradLogits = Nd4j.zeros(dataType, batchSize, arch.classes());
        gradients = arch.zeros(dataType);
    }

    /** The batch size these buffers are for. */
    @Override
    public int batchSize() {
        return batchSize;
    }

    /** The forward pass on images {@code [batch, side * side]}; returns the logits buffer, valid until the next call. */
    @Override
    public INDArray forward(Params params, INDArray images) {
        checkShapes(params, images);
        boolean norm = arch.layerNorm();
        INDArray in = images;
        for (int i = 0; i < blocks; i++) {
            int k = firstParam[i];
            convs[i].forward(in, params.value(k), norm ? null : params.value(k + 1), cols[i], activated[i]);
            if (norm) {
                LayerNorm.forward(activated[i], params.value(k + 1), params.value(k + 2), normalized[i], invStd[i],
                        activated[i]);
            }
            arch.activation().forwardInPlace(activated[i]);
            pools[i].forward(activated[i], pooled[i], winners[i]);
            in = pooled[i];
        }
        int h = headParam;
        INDArray flat = pooled[blocks - 1];
        if (norm) {
            Nd4j.gemm(flat, params.value(h), hidden, false, false, 1.0, 0.0);
            LayerNorm.forward(hidden, params.value(h + 1), params.value(h + 2), hiddenNormalized, hiddenInvStd,
                    hidden);
            h += 3;
        } else {
            Dense.forward(flat, params.value(h), params.value(h + 1), hidden);
            h += 2;
        }
        arch.activation().forwardInPlace(hidden);
        Dense.forward(hidden, params.value(h), params.value(h + 1), logits);
        return logits;
    }

    /** The mean softmax cross-entropy of {@code batch} and its gradient (minibatch mean). */
    @Override
    public LossAndGradients lossAndGradients(Params params, Batch batch) {
        INDArray images = batch.inputs();
        forward(params, images);
        boolean norm = arch.layerNorm();
        double loss = SoftmaxCrossEntropy.lossAndGradient(logits, batch.targets(), gradLogits);
        int h = headParam;
        int out = h + (norm ? 3 : 2);
        INDArray flat = pooled[blocks - 1];
        Dense.backward(hidden, params.value(out), gradLogits, gradients.value(out), gradients.value(out + 1),
                gradHidden);
        arch.activation().backwardInPlace(hidden, gradHidden);
        INDArray gradFlat = gradPooled[blocks - 1];
        if (norm) {
            LayerNorm.backward(hiddenNormalized, hiddenInvStd, params.value(h + 1), gradHidden,
                    gradients.value(h + 1), gradients.value(h + 2), gradHidden);
            Nd4j.gemm(flat, gradHidden, gradients.value(h), true, false, 1.0, 0.0);
            Nd4j.gemm(gradHidden, params.value(h), gradFlat, false, true, 1.0, 0.0);
        } else {
            Dense.backward(flat, params.value(h), gradHidden, gradients.value(h), gradients.value(h + 1), gradFlat);
        }
        for (int i = blocks - 1; i >= 0; i--) {
            int k = firstParam[i];
            pools[i].backward(gradPooled[i], winners[i], gradActivated[i]);
            arch.activation().backwardInPlace(activated[i], gradActivated[i]);
            if (norm) {
                LayerNorm.backward(normalized[i], invStd[i], params.value(k + 1), gradActivated[i],
                        gradients.value(k + 1), gradients.value(k + 2), gradActivated[i]);
            }
            convs[i].backward(cols[i], params.value(k), gradActivated[i], gradients.value(k),
                    norm ? null : gradients.value(k + 1), gradCols[i], i == 0 ? null : gradPooled[i - 1]);
        }
        return new LossAndGradients(loss, gradients);
    }

    private void checkShapes(Params params, INDArray images) {
        if (images.size(0) != batchSize || images.length() != (long) batchSize * arch.side() * arch.side()) {
            throw new IllegalArgumentException("this network has buffers for " + batchSize + " images of "
                    + arch.side() + " x " + arch.side() + ", got shape " + java.util.Arrays.toString(images.shape()));
        }
        if (images.dataType() != dataType || params.dataType() != dataType) {
            throw new IllegalArgumentException("this network is " + dataType + ", got images "
                    + images.dataType() + " and params " + params.dataType());
        }
    }

    @Override
    public void close() {
        for (INDArray[] group : new INDArray[][] {cols, activated, normalized, pooled, gradActivated, gradCols,
            gradPooled}) {
            for (INDArray a : group) {
                if (a != null) {
                    a.close();
                }
            }
        }
        for (INDArray a : new INDArray[] {hidden, hiddenNormalized, logits, gradHidden, gradLogits}) {
            if (a != null) {
                a.close();
            }
        }
    }
}
