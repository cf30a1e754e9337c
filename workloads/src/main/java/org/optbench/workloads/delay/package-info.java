/**
 * Delayed gradients, a variant mechanism for any base workload: the gradient a submission receives at step t is
 * computed at the parameters of step t - d, with d drawn per step from a {@link LatencyModel}. It asks how an
 * optimizer copes when gradients arrive late, as federated clients' updates do (Hard et al., "Learning from
 * straggler clients in federated learning", arXiv:2403.09086, 2024; Nguyen et al., "Federated learning with
 * buffered asynchronous aggregation", AISTATS 2022). The model, data, loss and targets' rules are the base's.
 */
package org.optbench.workloads.delay;
