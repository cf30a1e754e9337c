package org.optbench.harness.launch;

import java.util.ArrayList;
import java.util.List;

import org.optbench.api.EvalResult;
import org.optbench.harness.trial.LoopResult;
import org.optbench.harness.trial.TrialEvents;
import org.optbench.harness.trial.TrialListener;
import org.optbench.results.records.EvalRow;
import org.optbench.workloads.WorkloadSpec;

/**
 * What the owner of a trial's record has heard of it: the evaluations, whether and when the clock started, the
 * loop's result. It decides from each evaluation, with targets the trial JVM never sees, whether both are reached,
 * and tells the progress display. Thread-safe: a launcher's reader thread fills it while its watchdog reads it.
 */
public final class TrialObservation implements TrialEvents {
    /** More evaluations than any trial makes in a budget: past it, the trial JVM is misbehaving. */
    static final int MAX_EVALUATIONS = 200_000;

    private final WorkloadSpec spec;
    private final boolean stopAtTargets;
    private final TrialListener listener;
    private final List<EvalRow> rows = new ArrayList<>();
    private boolean reachedValidation;
    private boolean reachedTest;
    private boolean started;
    private long stateBytes;
    private long lastStep;
    private double lastSubmissionSeconds;
    private long lastProgressNanos = System.nanoTime();
    private LoopResult result;

    /**
     * @param spec the workload, with its targets
     * @param stopAtTargets whether reaching both targets ends the trial
     * @param listener the progress display
     */
    public TrialObservation(WorkloadSpec spec, boolean stopAtTargets, TrialListener listener) {
        this.spec = spec;
        this.stopAtTargets = stopAtTargets;
        this.listener = listener;
    }

    @Override
    public synchronized void started(long bytes) {
        started = true;
        stateBytes = bytes;
        lastProgressNanos = System.nanoTime();
    }

    @Override
    public void step(long step, double submissionSeconds) {
        synchronized (this) {
            if (step > lastStep) {
                lastStep = step;
                lastSubmissionSeconds = Math.max(lastSubmissionSeconds, submissionSeconds);
                lastProgressNanos = System.nanoTime();
            }
        }
        listener.onStep(step, submissionSeconds);
    }

    @Override
    public boolean evaluated(EvalRow row) {
        boolean stop;
        synchronized (this) {
            if (rows.size() >= MAX_EVALUATIONS) {
                throw new TrialMessages.ProtocolException("more than " + MAX_EVALUATIONS + " evaluations");
            }
            rows.add(row);
            lastStep = Math.max(lastStep, row.globalStep());
            lastSubmissionSeconds = Math.max(lastSubmissionSeconds, row.submissionSeconds());
            lastProgressNanos = System.nanoTime();
            reachedValidation |= spec.direction().reaches(row.validation(spec.metric()), spec.validationTarget());
            reachedTest |= spec.direction().reaches(row.test(spec.metric()), spec.testTarget());
            stop = stopAtTargets && reachedValidation && reachedTest;
        }
        listener.onEvaluation(new EvalResult(row.globalStep(), row.submissionSeconds(), row.metrics()));
        return stop;
    }

    @Override
    public synchronized void finished(LoopResult loopResult) {
        result = loopResult;
        lastProgressNanos = System.nanoTime();
    }

    /** The evaluations so far, in order. */
    public synchronized List<EvalRow> rows() {
        return List.copyOf(rows);
    }

    /** The last evaluation, or {@code null}. */
    public synchronized EvalRow lastRow() {
        return rows.isEmpty() ? null : rows.get(rows.size() - 1);
    }

    /** Whether the clock has started (setup is done). */
    public synchronized boolean started() {
        return started;
    }

    /** The optimizer state's size as reported when the clock started. */
    public synchronized long stateBytes() {
        return stateBytes;
    }

    /** The loop's result, or {@code null} when it never arrived. */
    public synchronized LoopResult result() {
        return result;
    }

    /** {@link System#nanoTime()} of the last sign of progress: the clock's start, a new step, an evaluation. */
    public synchronized long lastProgressNanos() {
        return lastProgressNanos;
    }

    /** The submission time the trial last reported, with a step or an evaluation; 0 before any. */
    public synchronized double lastSubmissionSeconds() {
        return lastSubmissionSeconds;
    }

    /** The last step the trial reported. */
    public synchronized long lastStep() {
        return lastStep;
    }
}
