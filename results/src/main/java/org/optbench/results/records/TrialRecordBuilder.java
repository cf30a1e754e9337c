package org.optbench.results.records;

import java.util.Map;
import org.optbench.api.MetricDirection;

/**
 * Builds a {@link TrialRecord} field by field: the one way the harness writes records, for finished and failed
 * trials alike, so that a field added to the record is filled on every path. Unset fields keep neutral values
 * (NaN, zero, {@code null}); {@link #build()} checks the identifying ones.
 */
public final class TrialRecordBuilder {
    private String submission = null;
    private String workload = null;
    private String baseWorkload = null;
    private int study = 0;
    private int trial = 1;
    private long seed = 0;
    private Map<String, Object> hyperparameters = Map.of();
    private double budgetSeconds = Double.NaN;
    private String metric = null;
    private MetricDirection metricDirection = null;
    private double validationTarget = Double.NaN;
    private double testTarget = Double.NaN;
    private String hardwareClass = null;
    private boolean reachedValidationTarget = false;
    private boolean reachedTestTarget = false;
    private Double timeToTargetSeconds = null;
    private long steps = 0;
    private int evals = 0;
    private double submissionSeconds = 0;
    private double evalSeconds = 0;
    private double loggingSeconds = 0;
    private double wallSeconds = 0;
    private double stepTimeMedianSeconds = Double.NaN;
    private long peakRssBytes = -1;
    private long stateBytes = 0;
    private String failure = null;
    private StopReason stopReason = null;
    private String optbenchVersion = null;
    private String startedAt = null;
    private String clock = null;
    private Double cpuShare = null;
    private boolean contended = false;
    private Double loadAverageStart = null;
    private Double loadAverageEnd = null;
    private Double budgetScale = null;
    private int concurrentTrials = 0;
    private String sandbox = null;
    private double optimizerStepTimeMedianSeconds = Double.NaN;
    private double bestValidationValue = Double.NaN;
    private double processCpuSeconds = Double.NaN;
    private double otherThreadsCpuSeconds = Double.NaN;

    /** An empty builder. */
    public TrialRecordBuilder() {
    }

    /** A builder holding every field of {@code record}. */
    public static TrialRecordBuilder from(TrialRecord record) {
        TrialRecordBuilder b = new TrialRecordBuilder();
        b.submission = record.submission();
        b.workload = record.workload();
        b.baseWorkload = record.baseWorkload();
        b.study = record.study();
        b.trial = record.trial();
        b.seed = record.seed();
        b.hyperparameters = record.hyperparameters();
        b.budgetSeconds = record.budgetSeconds();
        b.metric = record.metric();
        b.metricDirection = record.metricDirection();
        b.validationTarget = record.validationTarget();
        b.testTarget = record.testTarget();
        b.hardwareClass = record.hardwareClass();
        b.reachedValidationTarget = record.reachedValidationTarget();
        b.reachedTestTarget = record.reachedTestTarget();
        b.timeToTargetSeconds = record.timeToTargetSeconds();
        b.steps = record.steps();
        b.evals = record.evals();
        b.submissionSeconds = record.submissionSeconds();
        b.evalSeconds = record.evalSeconds();
        b.loggingSeconds = record.loggingSeconds();
        b.wallSeconds = record.wallSeconds();
        b.stepTimeMedianSeconds = record.stepTimeMedianSeconds();
        b.peakRssBytes = record.peakRssBytes();
        b.stateBytes = record.stateBytes();
        b.failure = record.failure();
        b.stopReason = record.stopReason();
        b.optbenchVersion = record.optbenchVersion();
        b.startedAt = record.startedAt();
        b.clock = record.clock();
        b.cpuShare = record.cpuShare();
        b.contended = record.contended();
        b.loadAverageStart = record.loadAverageStart();
        b.loadAverageEnd = record.loadAverageEnd();
        b.budgetScale = record.budgetScale();
        b.concurrentTrials = record.concurrentTrials();
        b.sandbox = record.sandbox();
        b.optimizerStepTimeMedianSeconds = record.optimizerStepTimeMedianSeconds();
        b.bestValidationValue = record.bestValidationValue();
        b.processCpuSeconds = record.processCpuSeconds();
        b.otherThreadsCpuSeconds = record.otherThreadsCpuSeconds();
        return b;
    }

    /** Sets {@code submission}; see {@link TrialRecord}. */
    public TrialRecordBuilder submission(String value) {
        this.submission = value;
        return this;
    }

    /** Sets {@code workload}; see {@link TrialRecord}. */
    public TrialRecordBuilder workload(String value) {
        this.workload = value;
        return this;
    }

    /** Sets {@code baseWorkload}; see {@link TrialRecord}. */
    public TrialRecordBuilder baseWorkload(String value) {
        this.baseWorkload = value;
        return this;
    }

    /** Sets {@code study}; see {@link TrialRecord}. */
    public TrialRecordBuilder study(int value) {
        this.study = value;
        return this;
    }

    /** Sets {@code trial}; see {@link TrialRecord}. */
    public TrialRecordBuilder trial(int value) {
        this.trial = value;
        return this;
    }

    /** Sets {@code seed}; see {@link TrialRecord}. */
    public TrialRecordBuilder seed(long value) {
        this.seed = value;
        return this;
    }

    /** Sets {@code hyperparameters}; see {@link TrialRecord}. */
    public TrialRecordBuilder hyperparameters(Map<String, Object> value) {
        this.hyperparameters = value;
        return this;
    }

    /** Sets {@code budgetSeconds}; see {@link TrialRecord}. */
    public TrialRecordBuilder budgetSeconds(double value) {
        this.budgetSeconds = value;
        return this;
    }

    /** Sets {@code metric}; see {@link TrialRecord}. */
    public TrialRecordBuilder metric(String value) {
        this.metric = value;
        return this;
    }

    /** Sets {@code metricDirection}; see {@link TrialRecord}. */
    public TrialRecordBuilder metricDirection(MetricDirection value) {
        this.metricDirection = value;
        return this;
    }

    /** Sets {@code validationTarget}; see {@link TrialRecord}. */
    public TrialRecordBuilder validationTarget(double value) {
        this.validationTarget = value;
        return this;
    }

    /** Sets {@code testTarget}; see {@link TrialRecord}. */
    public TrialRecordBuilder testTarget(double value) {
        this.testTarget = value;
        return this;
    }

    /** Sets {@code hardwareClass}; see {@link TrialRecord}. */
    public TrialRecordBuilder hardwareClass(String value) {
        this.hardwareClass = value;
        return this;
    }

    /** Sets {@code reachedValidationTarget}; see {@link TrialRecord}. */
    public TrialRecordBuilder reachedValidationTarget(boolean value) {
        this.reachedValidationTarget = value;
        return this;
    }

    /** Sets {@code reachedTestTarget}; see {@link TrialRecord}. */
    public TrialRecordBuilder reachedTestTarget(boolean value) {
        this.reachedTestTarget = value;
        return this;
    }

    /** Sets {@code timeToTargetSeconds}; see {@link TrialRecord}. */
    public TrialRecordBuilder timeToTargetSeconds(Double value) {
        this.timeToTargetSeconds = value;
        return this;
    }

    /** Sets {@code steps}; see {@link TrialRecord}. */
    public TrialRecordBuilder steps(long value) {
        this.steps = value;
        return this;
    }

    /** Sets {@code evals}; see {@link TrialRecord}. */
    public TrialRecordBuilder evals(int value) {
        this.evals = value;
        return this;
    }

    /** Sets {@code submissionSeconds}; see {@link TrialRecord}. */
    public TrialRecordBuilder submissionSeconds(double value) {
        this.submissionSeconds = value;
        return this;
    }

    /** Sets {@code evalSeconds}; see {@link TrialRecord}. */
    public TrialRecordBuilder evalSeconds(double value) {
        this.evalSeconds = value;
        return this;
    }

    /** Sets {@code loggingSeconds}; see {@link TrialRecord}. */
    public TrialRecordBuilder loggingSeconds(double value) {
        this.loggingSeconds = value;
        return this;
    }

    /** Sets {@code wallSeconds}; see {@link TrialRecord}. */
    public TrialRecordBuilder wallSeconds(double value) {
        this.wallSeconds = value;
        return this;
    }

    /** Sets {@code stepTimeMedianSeconds}; see {@link TrialRecord}. */
    public TrialRecordBuilder stepTimeMedianSeconds(double value) {
        this.stepTimeMedianSeconds = value;
        return this;
    }

    /** Sets {@code peakRssBytes}; see {@link TrialRecord}. */
    public TrialRecordBuilder peakRssBytes(long value) {
        this.peakRssBytes = value;
        return this;
    }

    /** Sets {@code stateBytes}; see {@link TrialRecord}. */
    public TrialRecordBuilder stateBytes(long value) {
        this.stateBytes = value;
        return this;
    }

    /** Sets {@code failure}; see {@link TrialRecord}. */
    public TrialRecordBuilder failure(String value) {
        this.failure = value;
        return this;
    }

    /** Sets {@code stopReason}; see {@link TrialRecord}. */
    public TrialRecordBuilder stopReason(StopReason value) {
        this.stopReason = value;
        return this;
    }

    /** Sets {@code optbenchVersion}; see {@link TrialRecord}. */
    public TrialRecordBuilder optbenchVersion(String value) {
        this.optbenchVersion = value;
        return this;
    }

    /** Sets {@code startedAt}; see {@link TrialRecord}. */
    public TrialRecordBuilder startedAt(String value) {
        this.startedAt = value;
        return this;
    }

    /** Sets {@code clock}; see {@link TrialRecord}. */
    public TrialRecordBuilder clock(String value) {
        this.clock = value;
        return this;
    }

    /** Sets {@code cpuShare}; see {@link TrialRecord}. */
    public TrialRecordBuilder cpuShare(Double value) {
        this.cpuShare = value;
        return this;
    }

    /** Sets {@code contended}; see {@link TrialRecord}. */
    public TrialRecordBuilder contended(boolean value) {
        this.contended = value;
        return this;
    }

    /** Sets {@code loadAverageStart}; see {@link TrialRecord}. */
    public TrialRecordBuilder loadAverageStart(Double value) {
        this.loadAverageStart = value;
        return this;
    }

    /** Sets {@code loadAverageEnd}; see {@link TrialRecord}. */
    public TrialRecordBuilder loadAverageEnd(Double value) {
        this.loadAverageEnd = value;
        return this;
    }

    /** Sets {@code budgetScale}; see {@link TrialRecord}. */
    public TrialRecordBuilder budgetScale(Double value) {
        this.budgetScale = value;
        return this;
    }

    /** Sets {@code concurrentTrials}; see {@link TrialRecord}. */
    public TrialRecordBuilder concurrentTrials(int value) {
        this.concurrentTrials = value;
        return this;
    }

    /** Sets {@code sandbox}; see {@link TrialRecord}. */
    public TrialRecordBuilder sandbox(String value) {
        this.sandbox = value;
        return this;
    }

    /** Sets {@code optimizerStepTimeMedianSeconds}; see {@link TrialRecord}. */
    public TrialRecordBuilder optimizerStepTimeMedianSeconds(double value) {
        this.optimizerStepTimeMedianSeconds = value;
        return this;
    }

    /** Sets {@code bestValidationValue}; see {@link TrialRecord}. */
    public TrialRecordBuilder bestValidationValue(double value) {
        this.bestValidationValue = value;
        return this;
    }

    /** Sets {@code processCpuSeconds}; see {@link TrialRecord}. */
    public TrialRecordBuilder processCpuSeconds(double value) {
        this.processCpuSeconds = value;
        return this;
    }

    /** Sets {@code otherThreadsCpuSeconds}; see {@link TrialRecord}. */
    public TrialRecordBuilder otherThreadsCpuSeconds(double value) {
        this.otherThreadsCpuSeconds = value;
        return this;
    }

    /** The record. */
    public TrialRecord build() {
        return new TrialRecord(submission, workload, baseWorkload, study, trial, seed, hyperparameters,
                budgetSeconds, metric, metricDirection, validationTarget, testTarget, hardwareClass, reachedValidationTarget,
                reachedTestTarget, timeToTargetSeconds, steps, evals, submissionSeconds, evalSeconds,
                loggingSeconds, wallSeconds, stepTimeMedianSeconds, peakRssBytes, stateBytes, failure,
                stopReason, optbenchVersion, startedAt, clock, cpuShare, contended, loadAverageStart,
                loadAverageEnd, budgetScale, concurrentTrials, sandbox, optimizerStepTimeMedianSeconds,
                bestValidationValue, processCpuSeconds, otherThreadsCpuSeconds);
    }
}
