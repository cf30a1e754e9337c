package org.optbench.workloads.mnist;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Batch;
import org.optbench.api.BatchStream;
import org.optbench.api.Rng;
import org.optbench.workloads.ShuffledEpochs;

/**
 * Endless minibatches of the training digits: each epoch a fresh permutation from the stream's {@link Rng}, then
 * consecutive batches of it; the last incomplete batch of an epoch is dropped. Every call fills the same two
 * arrays ({@code inputs [batch, 784]}, {@code targets [batch, 10]} one-hot) and returns the same {@link Batch}.
 */
final class MnistBatchStream implements BatchStream {
    private final MnistData data;
    private final ShuffledEpochs epochs;
    private final int batchSize;
    private final INDArray inputs;
    private final INDArray targets;
    private final Batch batch;

    MnistBatchStream(MnistData data, int batchSize, Rng rng, DataType dataType) {
        this.data = data;
        this.epochs = new ShuffledEpochs(data.train(), batchSize, rng);
        this.batchSize = batchSize;
        this.inputs = Nd4j.zeros(dataType, batchSize, MnistData.PIXELS);
        this.targets = Nd4j.zeros(dataType, batchSize, MnistData.CLASSES);
        this.batch = Batch.of(inputs, targets);
    }

    @Override
    public Batch next() {
        data.copyExamples(epochs.order(), epochs.nextStart(), inputs, targets);
        return batch;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }
}
