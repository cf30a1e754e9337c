package org.optbench.results.scoring;

import java.util.List;
import java.util.Map;

/**
 * Everything a score was computed from, for tables and plots.
 *
 * @param version the rules applied
 * @param input the times before penalties, with base workloads and variants
 * @param penalisedTimes per submission, per base workload, the times after the held-out and 4x rules
 * @param ratios per submission, per base workload, time over the best time
 * @param taus the profile's grid
 * @param profiles per submission, rho at each tau
 * @param scores per submission, the benchmark score, in the submissions' order
 */
public record ScoreReport(RuleVersion version, ScoringInput input, Map<String, Map<String, Double>> penalisedTimes,
                          Map<String, Map<String, Double>> ratios, double[] taus, Map<String, double[]> profiles,
                          Map<String, Double> scores) {

    /** The submissions scored, in order. */
    public List<String> submissions() {
        return input.times().submissions();
    }

    /** The base workloads that entered the profile. */
    public List<String> baseWorkloads() {
        return input.baseWorkloads();
    }
}
