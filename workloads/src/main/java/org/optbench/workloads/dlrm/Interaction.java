package org.optbench.workloads.dlrm;

/** How DLRM combines the bottom MLP's output with the embeddings before the top MLP. */
public enum Interaction {
    /** The bottom output, then the dot products of every pair of the {@code F} feature vectors (DLRM's "dot"). */
    DOT,
    /** All {@code F} feature vectors side by side (DLRM's "cat"). */
    CONCAT
}
