package org.optbench.workloads.mnist;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Batch;
import org.optbench.api.BatchStream;
import org.optbench.api.Rng;

/**
 * Endless minibatches of the training digits: each epoch a fresh permutation from the stream's {@link Rng}, then
 * consecutive batches of it; the last incomplete batch of an epoch is dropped. Every call fills the same two
 * arrays ({@code inputs [batch, 784]}, {@code targets [batch, 10]} one-hot) and returns the same {@link Batch}.
 */
final class MnistBatchStream implements BatchStream {
    private final MnistData data;
    private final int[] order;
    private final Rng rng;
    private final int batchSize;
    private final INDArray inputs;
    private final INDArray targets;
    private final Batch batch;
    private int position;

    MnistBatchStream(MnistData data, int batchSize, Rng rng, DataType dataType) {
        if (batchSize < 1 || batchSize > data.train().length) {
            throw new IllegalArgumentException("batch size must be 1 to " + data.train().length + ", got " + batchSize);
        }
        this.data = data;
        this.order = data.train().clone();
        this.rng = rng;
        this.batchSize = batchSize;
        this.inputs = Nd4j.zeros(dataType, batchSize, MnistData.PIXELS);
        this.targets = Nd4j.zeros(dataType, batchSize, MnistData.CLASSES);
        this.batch = Batch.of(inputs, targets);
        this.position = order.length; // the first call starts an epoch
    }

    @Override
    public Batch next() {
        if (position + batchSize > order.length) {
            rng.shuffle(order);
            position = 0;
        }
        data.copyExamples(order, position, inputs, targets);
        position += batchSize;
        return batch;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }
}
