package org.optbench.harness.isolation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.optbench.harness.trial.Failures;
import org.optbench.harness.trial.Software;
import org.optbench.harness.trial.TrialRunner;
import org.optbench.results.records.EvalMeasurementsCsv;
import org.optbench.results.records.EvalRow;
import org.optbench.results.records.StopReason;
import org.optbench.api.MetricDirection;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialRecordBuilder;
import org.optbench.results.records.TrialRecordWriter;
import org.optbench.api.MetricDirection;
import org.optbench.workloads.WorkloadSpec;
import org.optbench.workloads.Workloads;

/**
 * The record of a trial whose process died before writing one (a killed or crashed trial JVM, a cluster task
 * cancelled, out of time or on a failed node): written by whoever started it, so that the trial shows up as failed
 * with a reason instead of missing.
 */
public final class FailedTrialRecord {
    private FailedTrialRecord() {
    }

    /**
     * Writes a failed {@code trial.json} for a trial whose process ended without writing one, keeping the
     * evaluations it had logged in its staging directory, and moves the record into place.
     *
     * @param request the trial that was run
     * @param trialDir where its record goes
     * @param reason why it ended (its first line becomes the record's failure)
     * @return the written record, with stop reason {@code failed}
     */
    public static TrialRecord write(TrialRequest request, Path trialDir, String reason) {
        WorkloadSpec spec = Workloads.create(request.spec().workload(), TrialRunner.options(request.settings())).spec();
        Path staging = trialDir.resolveSibling(trialDir.getFileName() + TrialRunner.STAGING_SUFFIX);
        Path csv = staging.resolve(EvalMeasurementsCsv.FILE_NAME);
        List<EvalRow> evals = Files.isRegularFile(csv) ? EvalMeasurementsCsv.read(csv) : List.of();
        TrialRecordWriter writer = TrialRecordWriter.create(staging);
        for (EvalRow row : evals) {
            writer.appendEval(row);
        }
        if (!Files.exists(staging.resolve(TrialRecordWriter.HPARAMS_FILE))) {
            writer.writeHyperParameters(request.spec().hyperparameters());
        }
        EvalRow last = evals.isEmpty() ? null : evals.get(evals.size() - 1);
        Double timeToTarget = null;
        boolean reachedTest = false;
        MetricDirection direction = spec.direction();
        for (EvalRow row : evals) {
            if (timeToTarget == null && direction.reaches(row.validation(spec.metric()), spec.validationTarget())) {
                timeToTarget = row.submissionSeconds();
            }
            reachedTest |= direction.reaches(row.test(spec.metric()), spec.testTarget());
        }
        TrialRecord record = new TrialRecordBuilder().submission(request.spec().submission()).workload(spec.name())
                .baseWorkload(spec.base()).study(request.spec().study()).trial(request.spec().trial())
                .seed(request.spec().seed()).hyperparameters(request.spec().hyperparameters())
                .budgetSeconds(request.spec().budgetSeconds()).metric(spec.metric()).metricDirection(direction)
                .validationTarget(spec.validationTarget()).testTarget(spec.testTarget())
                .hardwareClass(request.settings().hardwareClass()).reachedValidationTarget(timeToTarget != null)
                .reachedTestTarget(reachedTest).timeToTargetSeconds(timeToTarget)
                .steps(last == null ? 0 : last.globalStep()).evals(evals.size())
                .submissionSeconds(last == null ? 0 : last.submissionSeconds())
                .evalSeconds(last == null ? 0 : last.evalSeconds()).loggingSeconds(last == null ? 0 : last.loggingSeconds())
                .wallSeconds(last == null ? 0 : last.totalDurationSeconds()).failure(Failures.firstLine(reason))
                .stopReason(StopReason.FAILED).optbenchVersion(Software.version())
                .startedAt(java.time.Instant.now().toString()).build();
        writer.complete(record);
        TrialRunner.moveIntoPlace(staging, trialDir);
        return record;
    }
}
