package org.optbench.workloads.mnist;

import org.nd4j.linalg.api.buffer.DataType;
import org.optbench.api.BatchStream;
import org.optbench.api.Rng;

/** Training streams over {@link MnistData} for the other workloads on digits (the CNN, the autoencoder). */
public final class MnistStreams {
    private MnistStreams() {
    }

    /**
     * Endless minibatches of the training digits, reshuffled each epoch from {@code rng}: inputs
     * {@code [batch, 784]} (pixel / 255, row-major, so also NHWC {@code [batch, 28, 28, 1]}), targets
     * {@code [batch, 10]} one-hot. The same arrays are refilled on every call.
     */
    public static BatchStream labelled(MnistData data, int batchSize, Rng rng, DataType dataType) {
        return new MnistBatchStream(data, batchSize, rng, dataType);
    }
}
