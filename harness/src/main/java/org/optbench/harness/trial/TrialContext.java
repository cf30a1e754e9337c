package org.optbench.harness.trial;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongSupplier;

import org.optbench.api.Batch;
import org.optbench.api.EvalResult;
import org.optbench.api.HyperParameters;
import org.optbench.api.LossAndGradients;
import org.optbench.api.OptimizerState;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.api.StepContext;
import org.optbench.api.WorkloadInfo;
import org.optbench.workloads.Model;

/** The harness's {@link StepContext}: one per trial, moved forward by {@link TrialLoop} between hooks. */
final class TrialContext implements StepContext {
    private final Model model;
    private final Params params;
    private final HyperParameters hyperParameters;
    private final WorkloadInfo workload;
    private final Rng stepRngs;
    private final double budgetSeconds;
    private final LongSupplier now;
    private final List<EvalResult> evaluations = new ArrayList<>();
    private final List<EvalResult> evaluationsView = Collections.unmodifiableList(evaluations);

    private OptimizerState state;
    private Batch batch;
    private long step;
    private Rng rng;
    private double submissionSeconds;
    private double lastLoss = Double.NaN;
    private boolean lossComputed;
    private boolean trainingComplete;
    private long workloadNanos;

    /**
     * @param now the reading the trial's clock times phases with, to tell the workload's forward and backward
     *     passes from the submission's own work
     */
    TrialContext(Model model, Params params, HyperParameters hyperParameters, WorkloadInfo workload, Rng stepRngs,
                 double budgetSeconds, LongSupplier now) {
        this.model = model;
        this.params = params;
        this.hyperParameters = hyperParameters;
        this.workload = workload;
        this.stepRngs = stepRngs;
        this.budgetSeconds = budgetSeconds;
        this.now = now;
        this.rng = stepRngs.split(0);
    }

    void setState(OptimizerState state) {
        this.state = state;
    }

    void setBatch(Batch batch) {
        this.batch = batch;
    }

    void beginStep(long step, double submissionSeconds) {
        this.step = step;
        this.submissionSeconds = submissionSeconds;
        this.rng = stepRngs.split(step);
        this.lossComputed = false;
        this.workloadNanos = 0;
        model.beginStep(step);
    }

    void setSubmissionSeconds(double submissionSeconds) {
        this.submissionSeconds = submissionSeconds;
    }

    void addEvaluation(EvalResult evaluation) {
        evaluations.add(evaluation);
    }

    /** The loss of the last lossAndGradients call in this step, or NaN when the step did not ask for one. */
    double stepLoss() {
        return lossComputed ? lastLoss : Double.NaN;
    }

    /** Time spent in the workload's forward and backward passes during this step. */
    long workloadNanosThisStep() {
        return workloadNanos;
    }

    boolean lossComputedThisStep() {
        return lossComputed;
    }

    boolean trainingComplete() {
        return trainingComplete;
    }

    @Override
    public Batch batch() {
        return batch;
    }

    @Override
    public LossAndGradients lossAndGradients() {
        return lossAndGradients(batch);
    }

    @Override
    public LossAndGradients lossAndGradients(Batch batch) {
        long start = now.getAsLong();
        LossAndGradients result = model.lossAndGradients(params, batch);
        workloadNanos += now.getAsLong() - start;
        lastLoss = result.loss();
        lossComputed = true;
        return result;
    }

    @Override
    public Params params() {
        return params;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends OptimizerState> S state() {
        return (S) state;
    }

    @Override
    public HyperParameters hyperParameters() {
        return hyperParameters;
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public WorkloadInfo workload() {
        return workload;
    }

    @Override
    public Rng rng() {
        return rng;
    }

    @Override
    public double submissionSeconds() {
        return submissionSeconds;
    }

    @Override
    public double budgetSeconds() {
        return budgetSeconds;
    }

    @Override
    public List<EvalResult> evaluations() {
        return evaluationsView;
    }

    @Override
    public void markTrainingComplete() {
        trainingComplete = true;
    }
}
