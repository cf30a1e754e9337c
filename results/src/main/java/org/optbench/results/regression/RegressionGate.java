package org.optbench.results.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.optbench.api.BadInputException;

/**
 * Compares current results with a baseline: every experiment, submission and workload of the baseline must be in
 * the current results (else the check fails) and no worse than the tolerance allows. A time (to target or per step)
 * regresses when {@code current > baseline * (1 + tolerance)} (a miss is {@code +inf}: a new miss regresses, a miss
 * in both does not); the score regresses when {@code current < baseline - tolerance}. Results the baseline lacks
 * are not checked. Both sides are in the hardware class's reference seconds ({@link Baseline}); a baseline timed by
 * another clock than the current records is refused, since CPU and wall seconds do not compare.
 */
public final class RegressionGate {
    private RegressionGate() {
    }

    /**
     * Every check, in baseline order: per submission its score, then per workload time to target and step time.
     *
     * @throws BadInputException when an experiment's baseline was timed by another clock than its current records
     */
    public static List<Check> compare(Baseline baseline, Baseline current, Tolerances tolerances) {
        baseline.experiments().forEach((experiment, base) -> {
            Baseline.Experiment now = current.experiments().get(experiment);
            if (now != null && !now.clockOrWall().equals(base.clockOrWall())) {
                throw new BadInputException(experiment + ": the baseline was timed by the " + base.clockOrWall()
                        + " clock but the current records by the " + now.clockOrWall() + " clock; times compare "
                        + "within one clock: save a baseline from " + now.clockOrWall() + "-clock records");
            }
        });
        List<Check> checks = new ArrayList<>();
        baseline.experiments().forEach((experiment, base) -> {
            Baseline.Experiment now = current.experiments().get(experiment);
            base.submissions().forEach((submission, baseSub) -> {
                Baseline.SubmissionEntry nowSub = now == null ? null : now.submissions().get(submission);
                double baseScore = baseSub.score();
                if (nowSub == null) {
                    checks.add(missing(experiment, submission, null, Quantity.SCORE, baseScore));
                } else {
                    double limit = baseScore - tolerances.scoreAbsolute();
                    double score = nowSub.score();
                    boolean ok = score >= limit;
                    checks.add(new Check(experiment, submission, null, Quantity.SCORE, baseScore, score, limit, ok,
                            String.format(Locale.ROOT, "score %.4f, baseline %.4f, lowest passing %.4f%s", score,
                                    baseScore, limit, ok ? "" : ": regressed")));
                }
                for (Map.Entry<String, Baseline.WorkloadEntry> w : baseSub.workloads().entrySet()) {
                    Baseline.WorkloadEntry nowW = nowSub == null ? null : nowSub.workloads().get(w.getKey());
                    double baseTime = w.getValue().timeOrInfinity();
                    if (nowW == null) {
                        checks.add(missing(experiment, submission, w.getKey(), Quantity.TIME_TO_TARGET, baseTime));
                    } else {
                        checks.add(larger(experiment, submission, w.getKey(), Quantity.TIME_TO_TARGET, baseTime,
                                nowW.timeOrInfinity(), tolerances.timeRelative()));
                    }
                    Double baseStep = w.getValue().stepTimeMedianSeconds();
                    if (baseStep == null) {
                        continue; // nothing to compare with
                    }
                    if (nowW == null || nowW.stepTimeMedianSeconds() == null) {
                        checks.add(missing(experiment, submission, w.getKey(), Quantity.STEP_TIME, baseStep));
                    } else {
                        checks.add(larger(experiment, submission, w.getKey(), Quantity.STEP_TIME, baseStep,
                                nowW.stepTimeMedianSeconds(), tolerances.stepTimeRelative()));
                    }
                }
            });
        });
        return checks;
    }

    /** Whether every check passed. */
    public static boolean passed(List<Check> checks) {
        return checks.stream().allMatch(Check::passed);
    }

    private static Check larger(String experiment, String submission, String workload, Quantity q, double base,
                                double now, double tolerance) {
        double limit = base * (1 + tolerance);
        boolean ok = !(now > limit);
        String message = String.format(Locale.ROOT, "%s %s s, baseline %s s, limit %s s (+%.0f %%)%s", q.label(),
                fmt(now), fmt(base), fmt(limit), tolerance * 100, ok ? "" : ": regressed"
                        + (Double.isFinite(base) && Double.isFinite(now)
                        ? String.format(Locale.ROOT, " by %+.1f %%", (now / base - 1) * 100) : ""));
        return new Check(experiment, submission, workload, q, base, now, limit, ok, message);
    }

    private static Check missing(String experiment, String submission, String workload, Quantity q, double base) {
        return new Check(experiment, submission, workload, q, base, Double.NaN, base, false,
                q.label() + ": the current results have no " + experiment + "/" + submission
                        + (workload == null ? "" : "/" + workload) + " (baseline " + fmt(base) + ")");
    }

    static String fmt(double v) {
        return Double.isInfinite(v) ? "inf" : Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4g", v);
    }
}
