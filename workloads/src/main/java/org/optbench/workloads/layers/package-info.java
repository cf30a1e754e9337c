/**
 * A small layer library with explicit backward passes on ND4J native kernels. Every layer works in place on
 * buffers its caller allocated once per batch size: forward and backward allocate nothing. Matrix products go
 * through {@code Nd4j.gemm} into preallocated outputs; element-wise work is a Java loop over the arrays' NIO
 * buffers (element {@code i} of a contiguous array or view is at {@code offset() + i}). FLOAT and DOUBLE both
 * work; the data type follows the arrays. Gradients are minibatch means.
 */
package org.optbench.workloads.layers;
