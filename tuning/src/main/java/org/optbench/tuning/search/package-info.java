/**
 * Search spaces and AlgoPerf's quasi-random search.
 *
 * <p>{@link org.optbench.tuning.search.SearchSpaceReader} reads AlgoPerf's {@code tuning_search_space.json} (a map of
 * ranges and feasible points, or a list of points); {@link org.optbench.tuning.search.QuasiRandomSearch} draws a
 * study's points exactly as AlgoPerf's {@code halton.py} does, on
 * {@link org.optbench.tuning.search.ScrambledHalton}, {@link org.optbench.tuning.search.LegacyRandomState} (NumPy's
 * legacy algorithms) and {@link org.optbench.tuning.search.MersenneTwister} (MT19937), then shuffles them with the
 * study's seed.
 */
package org.optbench.tuning.search;
