/**
 * Confidence intervals for scores and per-workload times: a seeded bootstrap over studies and the trials within
 * them, rescoring every replicate by AlgoPerf's rules.
 */
package org.optbench.results.bootstrap;
