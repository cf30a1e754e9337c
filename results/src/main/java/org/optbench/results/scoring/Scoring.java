package org.optbench.results.scoring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.optbench.api.BadInputException;

/**
 * AlgoPerf's benchmark score from per-workload times: penalties (step 4), ratios (5), profiles (6) and the
 * normalised integral (7). Scores are relative to the submissions scored together.
 */
public final class Scoring {
    private Scoring() {
    }

    /** Scores every submission of {@code input} under {@code version}. */
    public static ScoreReport score(ScoringInput input, RuleVersion version) {
        if (input.times().submissions().isEmpty()) {
            throw new BadInputException("nothing to score: no submission has a time");
        }
        if (input.baseWorkloads().isEmpty()) {
            throw new BadInputException("nothing to score: no base workload");
        }
        Map<String, Map<String, Double>> penalised = Penalties.apply(input.times(), input.baseWorkloads(),
                input.variantToBase(), version);
        Map<String, Map<String, Double>> ratios = PerformanceProfile.ratios(penalised);
        double[] taus = PerformanceProfile.taus();
        Map<String, double[]> profiles = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        int n = input.baseWorkloads().size();
        ratios.forEach((submission, row) -> {
            double[] rho = PerformanceProfile.rho(row.values(), n, taus);
            profiles.put(submission, rho);
            scores.put(submission, PerformanceProfile.score(rho, taus));
        });
        return new ScoreReport(version, input, penalised, ratios, taus, profiles, scores);
    }
}
