/**
 * Tuning: how the trials of a benchmark are chosen.
 *
 * <p>{@link org.optbench.tuning.search} reads AlgoPerf's search spaces and draws AlgoPerf's scrambled Halton
 * quasi-random points from them; {@link org.optbench.tuning.plan} turns a submission, its workloads and budgets,
 * a ruleset and a seed into a study plan: the immutable list of trial specs that executors run. Nothing here knows
 * how a trial runs.
 */
package org.optbench.tuning;
