package org.optbench.api;

/** The training loss a workload minimises, as AlgoPerf names them. */
public enum LossType {
    /** Softmax cross-entropy over classes, averaged over the batch. */
    SOFTMAX_CROSS_ENTROPY,
    /** Sigmoid (binary) cross-entropy per output, averaged over outputs and the batch. */
    SIGMOID_CROSS_ENTROPY,
    /** Mean squared error, averaged over outputs and the batch. */
    MEAN_SQUARED_ERROR
}
