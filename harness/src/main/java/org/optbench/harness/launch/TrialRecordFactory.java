package org.optbench.harness.launch;

import java.util.List;

import org.optbench.harness.trial.ClockKind;
import org.optbench.harness.trial.Failures;
import org.optbench.harness.trial.LoopResult;
import org.optbench.harness.trial.Software;
import org.optbench.results.records.BestValue;
import org.optbench.results.records.EvalRow;
import org.optbench.results.records.StopReason;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialRecordBuilder;
import org.optbench.tuning.plan.TrialSpec;
import org.optbench.workloads.WorkloadSpec;

/**
 * The one way a trial's {@code trial.json} is made, for trials that finished and trials that died alike: from the
 * request (what was asked), the workload's spec (the targets, which the trial JVM never had), the evaluations and
 * result the trial reported, and what the launcher measured. Whether and when the targets were reached is computed
 * here from the evaluations, not taken from the trial.
 */
public final class TrialRecordFactory {
    /**
     * A trial whose training thread waited for a core more than a tenth of its wall time was contended: alone on
     * the machine it waits well under 1 % of it, beside one busy process per core about a third
     * (benchmarks/README.md).
     */
    public static final double CONTENDED_BELOW = 0.9;

    private TrialRecordFactory() {
    }

    /**
     * @param request what was asked
     * @param spec the workload's spec
     * @param observation what the trial reported
     * @param measured what the launcher measured
     * @param failure why the launcher ended the trial or why it ended without a result, or {@code null}
     * @param startedAt when the trial started, ISO-8601
     */
    public static TrialRecord build(TrialRequest request, WorkloadSpec spec, TrialObservation observation,
                                    TrialMeasurements measured, String failure, String startedAt) {
        TrialSpec trial = request.spec();
        TrialSettings settings = request.settings();
        List<EvalRow> rows = observation.rows();
        EvalRow last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        LoopResult result = failure == null ? observation.result() : null;
        Double timeToTarget = null;
        boolean reachedTest = false;
        for (EvalRow row : rows) {
            if (timeToTarget == null && spec.direction().reaches(row.validation(spec.metric()), spec.validationTarget())) {
                timeToTarget = row.submissionSeconds();
            }
            reachedTest |= spec.direction().reaches(row.test(spec.metric()), spec.testTarget());
        }
        TrialRecordBuilder b = new TrialRecordBuilder().submission(trial.submission()).workload(spec.name())
                .baseWorkload(spec.base()).study(trial.study()).trial(trial.trial()).seed(trial.seed())
                .hyperparameters(trial.hyperparameters()).budgetSeconds(effectiveBudget(request))
                .metric(spec.metric()).metricDirection(spec.direction()).validationTarget(spec.validationTarget())
                .testTarget(spec.testTarget()).hardwareClass(settings.hardwareClass())
                .reachedValidationTarget(timeToTarget != null).reachedTestTarget(reachedTest)
                .timeToTargetSeconds(timeToTarget).evals(rows.size()).peakRssBytes(measured.peakRssBytes())
                .stateBytes(observation.stateBytes()).optbenchVersion(Software.version()).startedAt(startedAt)
                .clock(settings.clock().label()).budgetScale(settings.budgetScale())
                .loadAverageStart(measured.loadAverageStart()).loadAverageEnd(measured.loadAverageEnd())
                .concurrentTrials(measured.concurrentTrials()).sandbox(measured.sandbox())
                .bestValidationValue(BestValue.of(rows, "validation/" + spec.metric(), spec.direction()))
                .processCpuSeconds(measured.processCpuSeconds());
        if (result != null) {
            boolean contended = Double.isFinite(result.cpuShare()) && result.cpuShare() < CONTENDED_BELOW;
            return b.steps(result.steps()).submissionSeconds(result.submissionSeconds())
                    .evalSeconds(result.evalSeconds()).loggingSeconds(result.loggingSeconds())
                    .wallSeconds(result.wallSeconds()).stepTimeMedianSeconds(result.stepTimeMedianSeconds())
                    .optimizerStepTimeMedianSeconds(result.optimizerStepTimeMedianSeconds())
                    .failure(result.failure())
                    .stopReason(result.stopReason())
                    .cpuShare(Double.isFinite(result.cpuShare()) ? result.cpuShare() : null).contended(contended)
                    .otherThreadsCpuSeconds(settings.clock() == ClockKind.CPU ? result.otherCpuSeconds() : Double.NaN)
                    .build();
        }
        return b.steps(Math.max(observation.lastStep(), last == null ? 0 : last.globalStep()))
                .submissionSeconds(last == null ? 0 : last.submissionSeconds())
                .evalSeconds(last == null ? 0 : last.evalSeconds())
                .loggingSeconds(last == null ? 0 : last.loggingSeconds()).wallSeconds(measured.wallSeconds())
                .failure(Failures.firstLine(failure == null ? "the trial JVM ended without reporting its result"
                        : failure))
                .stopReason(StopReason.FAILED).build();
    }

    /** The budget the trial runs under on this machine: the plan's, times the machine's budget scale. */
    public static double effectiveBudget(TrialRequest request) {
        return request.spec().budgetSeconds() * request.settings().budgetScale();
    }
}
