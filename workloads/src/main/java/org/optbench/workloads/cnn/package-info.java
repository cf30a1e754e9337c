/**
 * The {@code mnist_cnn} workload and its variants ({@code mnist_cnn_tanh}, {@code mnist_cnn_layernorm}): a
 * LeNet-sized convolutional network on the handwritten digits, built from the layer library's im2col
 * {@link org.optbench.workloads.layers.Conv2d}, {@link org.optbench.workloads.layers.MaxPool2d} and
 * {@link org.optbench.workloads.layers.LayerNorm}, with NHWC activations.
 */
package org.optbench.workloads.cnn;
