/**
 * The {@code mnist_autoencoder} workload and its variants ({@code mnist_autoencoder_sigmoid},
 * {@code mnist_autoencoder_narrow}): the classic deep autoencoder benchmark of second-order optimizers (Hinton and
 * Salakhutdinov 2006, Martens 2010, K-FAC), scaled to two cores, trained with sigmoid cross-entropy.
 */
package org.optbench.workloads.autoencoder;
