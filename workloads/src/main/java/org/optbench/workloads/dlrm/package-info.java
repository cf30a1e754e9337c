/**
 * The {@code ctr_dlrm} workloads: a DLRM-style click-through-rate model (embedding tables, a bottom MLP on dense
 * features, pairwise dot-product interactions, a top MLP, sigmoid cross-entropy) on synthetic click logs drawn
 * from a hidden teacher, with Zipf-distributed categorical values as in the Criteo logs.
 */
package org.optbench.workloads.dlrm;
