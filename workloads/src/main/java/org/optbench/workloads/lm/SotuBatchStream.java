package org.optbench.workloads.lm;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Batch;
import org.optbench.api.BatchStream;
import org.optbench.api.Rng;
import org.optbench.workloads.ShuffledEpochs;
import org.optbench.workloads.layers.FlatArray;

/**
 * Endless minibatches of training windows: each epoch a fresh permutation of the windows from the stream's
 * {@link Rng}, then consecutive batches of it; the last incomplete batch of an epoch is dropped. Every call fills
 * the same two arrays ({@code inputs [batch, context]}, {@code targets [batch, context]}, symbol ids as values of
 * the data type; targets are the inputs shifted by one) and returns the same {@link Batch}.
 */
final class SotuBatchStream implements BatchStream {
    private final byte[] ids;
    private final ShuffledEpochs epochs;
    private final int batchSize;
    private final int context;
    private final INDArray inputs;
    private final INDArray targets;
    private final FlatArray in;
    private final FlatArray out;
    private final Batch batch;

    SotuBatchStream(SotuText text, int batchSize, Rng rng, DataType dataType) {
        this.ids = text.train().ids();
        this.epochs = new ShuffledEpochs(text.train().windowStarts(), batchSize, rng);
        this.batchSize = batchSize;
        this.context = text.context();
        this.inputs = Nd4j.zeros(dataType, batchSize, context);
        this.targets = Nd4j.zeros(dataType, batchSize, context);
        this.in = FlatArray.of(inputs);
        this.out = FlatArray.of(targets);
        this.batch = Batch.of(inputs, targets);
    }

    @Override
    public Batch next() {
        fill(ids, epochs.order(), epochs.nextStart(), context, in, out);
        return batch;
    }

    /** Writes windows {@code starts[from..]} into the rows of {@code inputs} and {@code targets}. */
    static void fill(byte[] ids, int[] starts, int from, int context, FlatArray inputs, FlatArray targets) {
        int rows = inputs.length() / context;
        for (int r = 0; r < rows; r++) {
            int s = starts[from + r];
            for (int t = 0; t < context; t++) {
                inputs.set(r * context + t, ids[s + t]);
                targets.set(r * context + t, ids[s + t + 1]);
            }
        }
    }

    @Override
    public int batchSize() {
        return batchSize;
    }
}
