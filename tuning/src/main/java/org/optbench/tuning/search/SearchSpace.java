package org.optbench.tuning.search;

import java.util.List;

/**
 * A workload-agnostic tuning search space in one of AlgoPerf's two JSON forms ({@code tuning_search_space.json}):
 * a map of ranges and feasible points, searched quasi-randomly ({@link RangeSpace}), or a list of concrete points
 * taken in order ({@link PointListSpace}). Read one with {@link SearchSpaceReader}; draw a study's points with
 * {@link QuasiRandomSearch}.
 */
public sealed interface SearchSpace permits RangeSpace, PointListSpace {

    /** Where it was read from (a file name), for messages. */
    String source();

    /** The hyperparameter names, in the file's order. */
    List<String> names();
}
