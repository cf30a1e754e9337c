package org.optbench.workloads.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.optbench.api.Params;

/** A network's forward pass at a fixed batch size, into buffers of its own; what evaluation needs of it. */
public interface ForwardNetwork extends AutoCloseable {
    /** The number of rows the network's buffers hold. */
    int batchSize();

    /** The outputs (logits) of {@code inputs}, in the network's own buffer, valid until the next call. */
    INDArray forward(Params params, INDArray inputs);

    @Override
    void close();
}
