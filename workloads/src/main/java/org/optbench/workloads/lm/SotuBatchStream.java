package org.optbench.workloads.lm;

import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Batch;
import org.optbench.api.BatchStream;
import org.optbench.api.Candidates;
import org.optbench.api.Rng;
import org.optbench.workloads.ShuffledEpochs;
import org.optbench.workloads.layers.FlatArray;

/**
 * Endless minibatches of training windows: each epoch a fresh permutation of the windows from the stream's
 * {@link Rng}, then consecutive batches of it; the last incomplete batch of an epoch is dropped. Every call fills
 * the same two arrays ({@code inputs [batch, context]}, {@code targets [batch, context]}, symbol ids as values of
 * the data type; targets are the inputs shifted by one) and returns the same {@link Batch}. With scores,
 * {@link #candidates} takes whole batches of the same order and {@link Candidates#select} fills the same arrays
 * with the chosen windows.
 */
final class SotuBatchStream implements BatchStream {
    private final byte[] ids;
    private final int[] windowStarts;
    private final double[] scores;
    private final ShuffledEpochs epochs;
    private final int batchSize;
    private final int context;
    private final INDArray inputs;
    private final INDArray targets;
    private final FlatArray in;
    private final FlatArray out;
    private final Batch batch;
    private final int[] selected;
    private WindowCandidates candidates;

    /**
     * @param scores per training window (in the order of its start), the score {@link #candidates} offers; null
     *     for a stream without scores
     */
    SotuBatchStream(SotuText text, int batchSize, Rng rng, DataType dataType, double[] scores) {
        this.ids = text.train().ids();
        this.windowStarts = text.train().windowStarts();
        this.scores = scores;
        this.epochs = new ShuffledEpochs(windowStarts, batchSize, rng);
        this.batchSize = batchSize;
        this.context = text.context();
        this.inputs = Nd4j.zeros(dataType, batchSize, context);
        this.targets = Nd4j.zeros(dataType, batchSize, context);
        this.in = FlatArray.of(inputs);
        this.out = FlatArray.of(targets);
        this.batch = Batch.of(inputs, targets);
        this.selected = new int[batchSize];
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

    @Override
    public boolean scoresExamples() {
        return scores != null;
    }

    @Override
    public Candidates candidates(int count) {
        if (scores == null) {
            return BatchStream.super.candidates(count);
        }
        if (count < batchSize || count % batchSize != 0) {
            throw new IllegalArgumentException("candidates: count must be a positive multiple of the batch size "
                    + batchSize + ", got " + count);
        }
        if (candidates == null || candidates.starts.length != count) {
            candidates = new WindowCandidates(count); // once per count: a submission asks for the same each step
        }
        for (int b = 0; b < count; b += batchSize) {
            System.arraycopy(epochs.order(), epochs.nextStart(), candidates.starts, b, batchSize);
        }
        for (int i = 0; i < count; i++) {
            candidates.scores[i] = scores[Arrays.binarySearch(windowStarts, candidates.starts[i])];
        }
        return candidates;
    }

    /** The windows of one {@link #candidates} call and their scores; refilled by the next call. */
    private final class WindowCandidates implements Candidates {
        final int[] starts;
        final double[] scores;

        WindowCandidates(int count) {
            starts = new int[count];
            scores = new double[count];
        }

        @Override
        public int size() {
            return starts.length;
        }

        @Override
        public double score(int index) {
            return scores[index];
        }

        @Override
        public Batch select(int... chosen) {
            if (chosen.length != batchSize) {
                throw new IllegalArgumentException("select: a batch is " + batchSize + " candidates, got "
                        + chosen.length);
            }
            for (int r = 0; r < batchSize; r++) {
                if (chosen[r] < 0 || chosen[r] >= starts.length) {
                    throw new IllegalArgumentException("select: candidate " + chosen[r] + " is outside [0, "
                            + starts.length + ")");
                }
                selected[r] = starts[chosen[r]];
            }
            fill(ids, selected, 0, context, in, out);
            return batch;
        }
    }
}
