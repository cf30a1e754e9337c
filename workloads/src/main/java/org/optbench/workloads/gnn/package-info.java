/**
 * The {@code graph_gnn} workloads: a GINE-style message-passing network on synthetic molecule-like graphs with a
 * multi-label target of structural motifs (rings, branching, bonded atom pairs), batched as one disjoint union.
 */
package org.optbench.workloads.gnn;
