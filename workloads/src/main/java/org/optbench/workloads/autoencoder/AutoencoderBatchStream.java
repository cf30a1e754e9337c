package org.optbench.workloads.autoencoder;

import java.util.Map;

import org.optbench.api.Batch;
import org.optbench.api.BatchStream;

/**
 * The labelled digit stream with the labels dropped: each batch's targets are its inputs, the same array. The
 * returned {@link Batch} is built once and refilled by every call (rebuilt only if the digit stream ever hands out
 * other arrays).
 */
final class AutoencoderBatchStream implements BatchStream {
    private final BatchStream digits;
    private Batch batch;

    AutoencoderBatchStream(BatchStream digits) {
        this.digits = digits;
    }

    @Override
    public Batch next() {
        Batch labelled = digits.next();
        if (batch == null || batch.inputs() != labelled.inputs()) {
            batch = new Batch(Map.of(Batch.INPUTS, labelled.inputs(), Batch.TARGETS, labelled.inputs()),
                    labelled.size());
        }
        return batch;
    }

    @Override
    public int batchSize() {
        return digits.batchSize();
    }
}
