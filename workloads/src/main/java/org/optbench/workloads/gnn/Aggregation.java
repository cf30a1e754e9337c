package org.optbench.workloads.gnn;

/** How a node combines its incoming messages. */
public enum Aggregation {
    /** The sum (GIN's choice: it can count neighbours). */
    SUM,
    /** The mean over incoming edges (zero for a node without any). */
    MEAN
}
