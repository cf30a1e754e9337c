/**
 * The {@code mnist_mlp} workload: handwritten digits (bundled 10,000, or the full 70,000 from IDX files) and a
 * 784-256-256-10 ReLU perceptron trained with softmax cross-entropy.
 */
package org.optbench.workloads.mnist;
