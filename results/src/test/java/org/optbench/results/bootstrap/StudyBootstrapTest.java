package org.optbench.results.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.optbench.results.scoring.RuleVersion;
import org.optbench.results.scoring.TargetHit;
import org.optbench.results.scoring.TrialOutcome;
import org.optbench.results.scoring.TrialSet;

class StudyBootstrapTest {
    private static final int B = 20_000;

    /** Binomial standard deviation of a frequency with probability p from B draws, times 5. */
    private static double tolerance(double p) {
        return 5 * Math.sqrt(p * (1 - p) / B);
    }

    @Test
    void twoStudiesGiveTheMedianDistributionQuarterHalfQuarter() {
        double a = 10;
        double b = 30;
        // Each replicate draws 2 studies with replacement: {a,a}, {a,b}, {b,a}, {b,b}; medians a, 20, 20, b.
        double[] medians = StudyBootstrap.timeReplicates(List.of(List.of(new TargetHit(1, 2, a)),
                List.of(new TargetHit(1, 4, b))), B, 42);
        int atA = 0;
        int atMid = 0;
        int atB = 0;
        for (double m : medians) {
            if (m == a) {
                atA++;
            } else if (m == (a + b) / 2) {
                atMid++;
            } else if (m == b) {
                atB++;
            }
        }
        assertEquals(B, atA + atMid + atB, "every replicate is one of a, (a+b)/2, b");
        assertEquals(0.25, (double) atA / B, tolerance(0.25));
        assertEquals(0.50, (double) atMid / B, tolerance(0.5));
        assertEquals(0.25, (double) atB / B, tolerance(0.25));
        // The 2.5 % and 97.5 % quantiles of that distribution are a and b.
        Interval ci = StudyBootstrap.interval(20, medians, 0.95);
        assertEquals(a, ci.lower());
        assertEquals(b, ci.upper());
        // The 50 % interval: the 25 % quantile is a (CDF at a is 1/4 up to sampling noise, so either a or the
        // middle), the 75 % quantile likewise middle or b; the 30 % and 70 % quantiles are surely the middle.
        Interval narrow = StudyBootstrap.interval(20, medians, 0.4);
        assertEquals(20, narrow.lower());
        assertEquals(20, narrow.upper());
    }

    @Test
    void resamplingTrialsWithinAStudyChangesItsBestTrial() {
        // One study, trials hitting at eval 2 (5 s) and eval 5 (8 s). Drawing 2 trials with replacement picks
        // only the second with probability 1/4: the study's time is 8 s then, else 5 s.
        double[] times = StudyBootstrap.timeReplicates(List.of(List.of(new TargetHit(1, 2, 5),
                new TargetHit(2, 5, 8))), B, 3);
        long eight = java.util.Arrays.stream(times).filter(t -> t == 8).count();
        long five = java.util.Arrays.stream(times).filter(t -> t == 5).count();
        assertEquals(B, eight + five);
        assertEquals(0.25, (double) eight / B, tolerance(0.25));
    }

    @Test
    void identicalStudiesGiveZeroWidthIntervals() {
        List<TrialOutcome> trials = new java.util.ArrayList<>();
        for (int study = 0; study < 3; study++) {
            trials.add(new TrialOutcome("fast", "mlp", study, new TargetHit(1, 1, 10)));
            trials.add(new TrialOutcome("fast", "cnn", study, TargetHit.never(1)));
            trials.add(new TrialOutcome("slow", "mlp", study, new TargetHit(1, 2, 20)));
            trials.add(new TrialOutcome("slow", "cnn", study, new TargetHit(1, 3, 30)));
        }
        TrialSet set = new TrialSet(trials, List.of("cnn", "mlp"), java.util.Map.of(), "test");
        BootstrapResult r = StudyBootstrap.run(set, RuleVersion.V0_6, 200, 0.95, 1);
        assertEquals(new Interval(0.5, 0.5, 0.5), r.scores().get("fast"));
        double slow = 82.75 / 99; // see RecordTree.SLOW_SCORE
        assertEquals(slow, r.scores().get("slow").estimate(), 1e-12);
        assertEquals(0, r.scores().get("slow").width(), 0);
        assertEquals(new Interval(20, 20, 20), r.time("slow", "mlp"));
        Interval miss = r.time("fast", "cnn");
        assertEquals(Double.POSITIVE_INFINITY, miss.lower());
        assertEquals(Double.POSITIVE_INFINITY, miss.upper());
    }

    @Test
    void percentileIntervalUsesTheInvertedCdfQuantile() {
        double[] values = new double[100];
        for (int i = 0; i < 100; i++) {
            values[i] = 100 - i; // 100..1, unsorted on purpose
        }
        Interval ci = StudyBootstrap.interval(50, values, 0.90);
        assertEquals(5, ci.lower()); // smallest x with F(x) >= 0.05
        assertEquals(95, ci.upper()); // smallest x with F(x) >= 0.95
    }

    @Test
    void sameSeedSameReplicates() {
        List<List<TargetHit>> studies = List.of(List.of(new TargetHit(1, 1, 3)), List.of(new TargetHit(1, 1, 4)),
                List.of(new TargetHit(1, 1, 9)));
        org.junit.jupiter.api.Assertions.assertArrayEquals(StudyBootstrap.timeReplicates(studies, 50, 5),
                StudyBootstrap.timeReplicates(studies, 50, 5));
    }
}
