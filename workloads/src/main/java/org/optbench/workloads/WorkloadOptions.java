package org.optbench.workloads;

import java.nio.file.Path;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * How to build a workload: where its data is and in which precision it computes.
 *
 * @param dataDir a directory with the four standard MNIST IDX files, which the {@code mnist_mlp} family then reads
 *     instead of the copy the build fetched, or {@code null} for that copy; the other workloads ignore it (the CNNs
 *     and autoencoders always train on the bundled digits their targets were calibrated on)
 * @param dataType the precision of parameters, batches and buffers: {@code FLOAT} or {@code DOUBLE}
 */
public record WorkloadOptions(Path dataDir, DataType dataType) {

    /** Checks the data type. */
    public WorkloadOptions {
        if (dataType == null) {
            dataType = DataType.FLOAT;
        }
        if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
            throw new IllegalArgumentException("workloads compute in FLOAT or DOUBLE, not " + dataType);
        }
    }

    /** The data in the jar, FLOAT. */
    public static WorkloadOptions defaults() {
        return new WorkloadOptions(null, DataType.FLOAT);
    }

    /** These options with another data type. */
    public WorkloadOptions withDataType(DataType type) {
        return new WorkloadOptions(dataDir, type);
    }

    /** These options with another data directory ({@code null}: bundled). */
    public WorkloadOptions withDataDir(Path dir) {
        return new WorkloadOptions(dir, dataType);
    }
}
