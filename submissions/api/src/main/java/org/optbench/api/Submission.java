package org.optbench.api;

import java.util.Optional;
import java.util.Set;

/**
 * A training algorithm, as AlgoPerf defines one: five hooks. {@link #batchSize} and {@link #init} run before the
 * clock starts; {@link #selectData}, {@link #update} and {@link #prepareForEval} run on it.
 *
 * <p>A jar offers its implementation through {@code META-INF/services/org.optbench.api.Submission}; the class needs
 * a public no-argument constructor. One instance serves one trial.
 *
 * <p>Rules (AlgoPerf's): the algorithm may use parameter shapes and types generically, choose its batch size, and
 * select or reorder training data. It may not identify the workload to select workload-specific logic, read
 * validation or test data, change the model, loss or evaluation, compute during evaluation, or touch the clock.
 */
public interface Submission {
    /** Returned by {@link #batchSize} to take the workload's default batch size. */
    int DEFAULT_BATCH_SIZE = 0;

    /** A short lowercase name, such as {@code "adamw"}; it names the submission in records and leaderboards. */
    String name();

    /**
     * The global batch size for a workload; {@link #DEFAULT_BATCH_SIZE} takes the workload's default. The only
     * place a workload's name is visible. Untimed.
     */
    default int batchSize(String workloadName) {
        return DEFAULT_BATCH_SIZE;
    }

    /** Builds the optimizer state before the clock starts. Untimed. */
    OptimizerState init(WorkloadInfo workload, Params params, HyperParameters hyperParameters, Rng rng);

    /**
     * Picks this step's batch. Timed. By default, the next batch of the pre-shuffled stream. A submission may reorder
     * or skip batches, and where the workload scores its examples ({@link BatchStream#scoresExamples()}) choose
     * single examples by score from {@link BatchStream#candidates}.
     */
    default Batch selectData(BatchStream stream, StepContext context) {
        return stream.next();
    }

    /** One training step: ask the context for loss and gradients and change the parameters in place. Timed. */
    void update(StepContext context);

    /**
     * Runs before each evaluation, on the clock: lets averaging methods put the averaged weights in place. The
     * next {@link #update} must undo what it changed. By default nothing.
     */
    default void prepareForEval(StepContext context) {
    }

    /** The self-tuning default point: the hyperparameters used when none are given. */
    default HyperParameters defaultHyperParameters() {
        return HyperParameters.empty();
    }

    /**
     * Hyperparameters it takes beyond those of {@link #defaultHyperParameters()}, each with a default of its own
     * when absent (for the built-ins, {@code data_selection_pool}). optbench refuses a point that names a
     * hyperparameter in neither, unless told to let it through. By default none.
     *
     * @since 1.2
     */
    default Set<String> optionalHyperParameters() {
        return Set.of();
    }

    /** The default external-tuning search space, in AlgoPerf's {@code tuning_search_space.json} format. */
    default Optional<String> searchSpaceJson() {
        return Optional.empty();
    }
}
