package org.optbench.harness.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optbench.results.records.EvalRow;
import org.optbench.results.records.StopReason;
import org.optbench.api.MetricDirection;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialRecordBuilder;
import org.optbench.results.records.TrialRecordWriter;

/**
 * Real trial directories written with {@link TrialRecordWriter}: accuracy target 0.9; a trial reaching it at t
 * seconds evaluates at t/2 (0.5), t (0.95), 1.5 t (0.97); one that never does at 10 s and 20 s (0.5, 0.6).
 */
final class RecordFixture {
    private RecordFixture() {
    }

    static void trial(Path experiment, String submission, String workload, int study, double hitSeconds,
                      String hardwareClass, double stepSeconds) {
        TrialRecordWriter writer = TrialRecordWriter.create(experiment, submission, study, workload, 1);
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
            metrics.put("validation/accuracy", p[1]);
            writer.appendEval(new EvalRow(step, 0, p[0], 0.1, 0.01, p[0] + 1, metrics));
        }
        double end = points.get(points.size() - 1)[0];
        writer.complete(new TrialRecordBuilder().submission(submission).workload(workload).study(study).seed(7L)
                .hyperparameters(Map.of("learning_rate", 0.001)).budgetSeconds(40).metric("accuracy")
                .metricDirection(MetricDirection.HIGHER).validationTarget(0.9).testTarget(0.9)
                .hardwareClass(hardwareClass).reachedValidationTarget(reached).reachedTestTarget(reached)
                .timeToTargetSeconds(reached ? hitSeconds : null).steps(step).evals(points.size())
                .submissionSeconds(end).evalSeconds(0.3).loggingSeconds(0.03).wallSeconds(end + 1)
                .stepTimeMedianSeconds(stepSeconds).peakRssBytes(100_000_000L).stateBytes(1024)
                .stopReason(StopReason.BUDGET).optbenchVersion("0.1.0-SNAPSHOT")
                .startedAt("2026-11-27T02:30:00Z").build());
    }

    /** fast: mlp 10 s, cnn missed; slow: mlp 20 s, cnn 30 s; two identical studies; class cpu-test. */
    static void twoByTwo(Path experiment, double fastMlpSeconds) {
        for (int study = 0; study < 2; study++) {
            trial(experiment, "fast", "mlp", study, fastMlpSeconds, "cpu-test", 0.002);
            trial(experiment, "fast", "cnn", study, Double.POSITIVE_INFINITY, "cpu-test", 0.004);
            trial(experiment, "slow", "mlp", study, 20, "cpu-test", 0.001);
            trial(experiment, "slow", "cnn", study, 30, "cpu-test", 0.003);
        }
    }
}
