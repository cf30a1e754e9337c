package org.optbench.results.bootstrap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.optbench.results.scoring.BestTrial;
import org.optbench.results.scoring.RuleVersion;
import org.optbench.results.scoring.ScoreReport;
import org.optbench.results.scoring.Scoring;
import org.optbench.results.scoring.ScoringInput;
import org.optbench.results.scoring.StudyMedian;
import org.optbench.results.scoring.TargetHit;
import org.optbench.results.scoring.TimeTable;
import org.optbench.results.scoring.TrialOutcome;
import org.optbench.results.scoring.TrialSet;

/**
 * A nonparametric bootstrap of AlgoPerf's score over studies and trials. One replicate: for every submission and
 * workload, draw as many studies as were run, with replacement; within each drawn study, draw as many trials as it
 * had, with replacement, and take the best trial ({@link BestTrial#of}); the workload's time is the median of the
 * drawn studies ({@link StudyMedian#of}); then all submissions are scored together ({@link Scoring#score}), since
 * a score is relative to the others. The interval is the percentile interval of the B replicates: for coverage
 * {@code L}, the replicates' quantiles at {@code (1 - L) / 2} and {@code (1 + L) / 2}, each the smallest replicate
 * whose empirical CDF reaches the probability (the "inverted CDF" quantile). Resampling is seeded, so a report
 * is reproducible.
 */
public final class StudyBootstrap {
    private StudyBootstrap() {
    }

    /**
     * Bootstrap intervals for the scores and per-workload times of {@code trials} under {@code version}.
     *
     * @param resamples B, at least 1
     * @param level coverage in (0, 1), e.g. 0.95
     * @param seed seeds the resampling
     */
    public static BootstrapResult run(TrialSet trials, RuleVersion version, int resamples, double level, long seed) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must lie in (0, 1), got " + level);
        }
        Map<String, Map<String, List<List<TargetHit>>>> grouped = group(trials.trials());
        ScoringInput observed = trials.times();
        ScoreReport observedReport = Scoring.score(observed, version);

        SplittableRandom rng = new SplittableRandom(seed);
        List<String> submissions = observed.times().submissions();
        Map<String, double[]> scoreReplicates = new LinkedHashMap<>();
        Map<String, Map<String, double[]>> timeReplicates = new LinkedHashMap<>();
        grouped.forEach((s, row) -> {
            scoreReplicates.put(s, new double[resamples]);
            row.forEach((w, studies) -> timeReplicates.computeIfAbsent(s, k -> new LinkedHashMap<>())
                    .put(w, new double[resamples]));
        });
        for (int b = 0; b < resamples; b++) {
            TimeTable.Builder table = TimeTable.builder();
            observed.times().workloads().forEach(table::declareWorkload);
            for (String s : submissions) {
                for (Map.Entry<String, List<List<TargetHit>>> entry : grouped.get(s).entrySet()) {
                    double time = resampledTime(entry.getValue(), rng);
                    timeReplicates.get(s).get(entry.getKey())[b] = time;
                    table.put(s, entry.getKey(), time, "bootstrap");
                }
            }
            ScoringInput replicate = new ScoringInput(table.build(), observed.baseWorkloads(),
                    observed.variantToBase(), Map.of());
            ScoreReport report = Scoring.score(replicate, version);
            for (String s : submissions) {
                scoreReplicates.get(s)[b] = report.scores().get(s);
            }
        }
        Map<String, Interval> scores = new LinkedHashMap<>();
        Map<String, Map<String, Interval>> times = new LinkedHashMap<>();
        for (String s : submissions) {
            scores.put(s, interval(observedReport.scores().get(s), scoreReplicates.get(s), level));
            Map<String, Interval> row = new LinkedHashMap<>();
            timeReplicates.get(s).forEach((w, values) ->
                    row.put(w, interval(observed.times().time(s, w), values, level)));
            times.put(s, row);
        }
        return new BootstrapResult(resamples, level, seed, scores, times);
    }

    /**
     * B replicates of one workload's time: its studies (each a list of trial hits) resampled as described in the
     * class comment.
     */
    public static double[] timeReplicates(List<List<TargetHit>> studies, int resamples, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] out = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            out[b] = resampledTime(studies, rng);
        }
        return out;
    }

    /** The percentile interval of {@code replicates} with coverage {@code level} around {@code estimate}. */
    public static Interval interval(double estimate, double[] replicates, double level) {
        double[] sorted = replicates.clone();
        Arrays.sort(sorted);
        double alpha = (1 - level) / 2;
        return new Interval(estimate, quantile(sorted, alpha), quantile(sorted, 1 - alpha));
    }

    /** The smallest value of {@code sorted} whose empirical CDF is at least {@code p}. */
    static double quantile(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length - 1e-9) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double resampledTime(List<List<TargetHit>> studies, SplittableRandom rng) {
        int m = studies.size();
        double[] studyTimes = new double[m];
        List<TargetHit> drawn = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            List<TargetHit> study = studies.get(rng.nextInt(m));
            drawn.clear();
            for (int k = 0; k < study.size(); k++) {
                drawn.add(study.get(rng.nextInt(study.size())));
            }
            studyTimes[i] = BestTrial.of(drawn).seconds();
        }
        return StudyMedian.of(studyTimes);
    }

    /** submission -> workload -> the studies' trial hits, sorted by name and study index. */
    private static Map<String, Map<String, List<List<TargetHit>>>> group(List<TrialOutcome> trials) {
        Map<String, Map<String, Map<Integer, List<TargetHit>>>> byStudy = new TreeMap<>();
        for (TrialOutcome t : trials) {
            byStudy.computeIfAbsent(t.submission(), s -> new TreeMap<>())
                    .computeIfAbsent(t.workload(), w -> new TreeMap<>())
                    .computeIfAbsent(t.study(), j -> new ArrayList<>())
                    .add(t.hit());
        }
        Map<String, Map<String, List<List<TargetHit>>>> grouped = new TreeMap<>();
        byStudy.forEach((s, row) -> row.forEach((w, studies) ->
                grouped.computeIfAbsent(s, k -> new TreeMap<>()).put(w, new ArrayList<>(studies.values()))));
        return grouped;
    }
}
