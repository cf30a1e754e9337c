package org.optbench.results.leaderboard;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.optbench.results.records.EvalRow;
import org.optbench.results.records.StopReason;
import org.optbench.api.MetricDirection;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialRecordBuilder;
import org.optbench.results.records.TrialRecordWriter;

/**
 * Writes real trial directories with {@link TrialRecordWriter} for tests: accuracy workloads with target 0.9; a
 * trial that reaches it at {@code t} seconds evaluates at t/2 (0.5), t (0.95) and 1.5 t (0.97); one that never
 * does evaluates at 10 s (0.5) and 20 s (0.6).
 */
public final class RecordTree {
    /** The validation target of every workload here. */
    public static final double TARGET = 0.9;

    private RecordTree() {
    }

    /** Writes one trial. */
    public static void trial(Path experiment, String submission, String workload, int study, int trial,
                             double hitSeconds, String hardwareClass, double stepSeconds, long stateBytes) {
        trial(experiment, submission, workload, study, trial, hitSeconds, hardwareClass, stepSeconds, stateBytes, 1,
                b -> b);
    }

    /**
     * Writes one trial as run on a machine {@code slowdown} times slower than the reference: every measured second
     * (evaluations, budget, step times) multiplied by it; {@code extra} sets more fields (e.g. the budget scale).
     */
    public static void trial(Path experiment, String submission, String workload, int study, int trial,
                             double hitSeconds, String hardwareClass, double stepSeconds, long stateBytes,
                             double slowdown, UnaryOperator<TrialRecordBuilder> extra) {
        TrialRecordWriter writer = TrialRecordWriter.create(experiment, submission, study, workload, trial);
        writer.writeHyperParameters(Map.of("learning_rate", 0.001));
        writer.writeMetaData(Map.of("seed", 7));
        boolean reached = Double.isFinite(hitSeconds);
        List<double[]> points = reached
                ? List.of(new double[] {hitSeconds / 2, 0.5}, new double[] {hitSeconds, 0.95},
                new double[] {hitSeconds * 1.5, 0.97})
                : List.of(new double[] {10, 0.5}, new double[] {20, 0.6});
        long step = 0;
        for (double[] p : points) {
            step += 100;
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("train/loss", 1.0 - p[1]);
            metrics.put("validation/accuracy", p[1]);
            writer.appendEval(new EvalRow(step, 0, p[0] * slowdown, 0.1, 0.01, p[0] * slowdown + 1, metrics));
        }
        double end = points.get(points.size() - 1)[0] * slowdown;
        writer.complete(extra.apply(new TrialRecordBuilder().submission(submission).workload(workload).study(study).trial(trial)
                .seed(7L).hyperparameters(Map.of("learning_rate", 0.001))
                .budgetSeconds((reached ? hitSeconds * 1.5 : 20) * slowdown).metric("accuracy")
                .metricDirection(MetricDirection.HIGHER).validationTarget(TARGET).testTarget(TARGET)
                .hardwareClass(hardwareClass).reachedValidationTarget(reached).reachedTestTarget(reached)
                .timeToTargetSeconds(reached ? hitSeconds * slowdown : null).steps(step).evals(points.size())
                .submissionSeconds(end).evalSeconds(0.3).loggingSeconds(0.03).wallSeconds(end + 1)
                .stepTimeMedianSeconds(stepSeconds * slowdown).peakRssBytes(500_000_000L).stateBytes(stateBytes)
                .stopReason(StopReason.BUDGET).optbenchVersion("0.1.0-SNAPSHOT")
                .startedAt("2026-11-27T02:30:00Z")).build());
    }

    /**
     * Writes one trial with the evaluations {@code secondsAndValues} (pairs of submission seconds and validation
     * values of {@code spec}'s metric) and the record {@code spec}, its counts and times filled from them.
     */
    public static void curve(Path experiment, TrialRecordBuilder spec, double... secondsAndValues) {
        TrialRecord probe = spec.build();
        TrialRecordWriter writer = TrialRecordWriter.create(experiment, probe.submission(), probe.study(),
                probe.workload(), probe.trial());
        double end = 0;
        for (int i = 0; i < secondsAndValues.length; i += 2) {
            end = secondsAndValues[i];
            writer.appendEval(new EvalRow(100L * (i / 2 + 1), 0, end, 0.1, 0.01, end + 1,
                    Map.of("validation/" + probe.metric(), secondsAndValues[i + 1])));
        }
        writer.complete(spec.evals(secondsAndValues.length / 2).submissionSeconds(end).wallSeconds(end + 1).build());
    }

    /**
     * Two submissions, two workloads, two identical studies each, one trial per study, class {@code cpu-test}:
     * {@code fast} reaches {@code mlp} at 10 s and never reaches {@code cnn}; {@code slow} reaches {@code mlp} at
     * 20 s and {@code cnn} at 30 s. Ratios: fast (1, inf), slow (2, 1).
     */
    public static void twoByTwo(Path experiment) {
        twoByTwo(experiment, 1, b -> b);
    }

    /** {@link #twoByTwo(Path)} as run on a machine {@code slowdown} times slower, {@code extra} applied to each. */
    public static void twoByTwo(Path experiment, double slowdown, UnaryOperator<TrialRecordBuilder> extra) {
        for (int study = 0; study < 2; study++) {
            trial(experiment, "fast", "mlp", study, 1, 10, "cpu-test", 0.002, 4_194_304, slowdown, extra);
            trial(experiment, "fast", "cnn", study, 1, Double.POSITIVE_INFINITY, "cpu-test", 0.004, 8_388_608,
                    slowdown, extra);
            trial(experiment, "slow", "mlp", study, 1, 20, "cpu-test", 0.001, 2_097_152, slowdown, extra);
            trial(experiment, "slow", "cnn", study, 1, 30, "cpu-test", 0.003, 6_291_456, slowdown, extra);
        }
    }

    /**
     * fast's score: rho = 1/2 everywhere, so 0.5. slow's: rho = 1/2 below tau = 2 (grid point 33 of 100 on 1..4)
     * and 1 from there; trapezoid (32 x 0.5 + 0.75 + 66 x 1) x (3/99) / 3 = 82.75 / 99.
     */
    public static final double FAST_SCORE = 0.5;
    /** See {@link #FAST_SCORE}. */
    public static final double SLOW_SCORE = 82.75 / 99;
}
