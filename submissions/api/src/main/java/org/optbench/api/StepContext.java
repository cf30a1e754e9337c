package org.optbench.api;

import java.util.List;

/**
 * Everything a timed hook may see and do. The harness makes one per trial and updates it between steps.
 */
public interface StepContext {
    /** The batch of this step: the one {@link Submission#selectData} returned. */
    Batch batch();

    /**
     * One forward and backward pass on {@link #batch()} at the current parameters. The result's gradient tensors
     * are reused by the next call.
     */
    LossAndGradients lossAndGradients();

    /** Like {@link #lossAndGradients()}, on another batch (for example one drawn for an inner-loop search). */
    LossAndGradients lossAndGradients(Batch batch);

    /** The model's parameters; {@link Submission#update} changes them in place. */
    Params params();

    /**
     * The state {@link Submission#init} returned.
     *
     * @param <S> the submission's own state type
     */
    <S extends OptimizerState> S state();

    /** The hyperparameters of this trial. */
    HyperParameters hyperParameters();

    /** The number of updates done before this one: 0 during the first step. */
    long step();

    /** The workload's shapes, loss, step hint and training set size. */
    WorkloadInfo workload();

    /** A generator for this step alone, split from the trial's seed by step number. */
    Rng rng();

    /** Submission time spent so far, in seconds, up to the start of this hook. */
    double submissionSeconds();

    /** The submission-time budget of this trial, in seconds. Read-only: a submission cannot extend it. */
    double budgetSeconds();

    /** The evaluations so far, oldest first. */
    List<EvalResult> evaluations();

    /** Ends training after this step, as AlgoPerf's "training complete" signal. */
    void markTrainingComplete();
}
