/**
 * Character-level language modelling: {@code sotu_lm}, a small decoder-only transformer on State of the Union
 * addresses, with its text, windows, architecture ({@link org.optbench.workloads.lm.TransformerLm}) and network
 * with explicit backward passes ({@link org.optbench.workloads.lm.TransformerNetwork}).
 */
package org.optbench.workloads.lm;
