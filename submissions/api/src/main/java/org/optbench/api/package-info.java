/**
 * The contract between optbench and a training algorithm ("submission").
 *
 * <p>A submission implements {@link org.optbench.api.Submission}: five hooks in the manner of MLCommons AlgoPerf.
 * {@code batchSize} and {@code init} run before the clock starts; {@code selectData}, {@code update} and
 * {@code prepareForEval} run on the clock. Everything a timed hook may see is on its
 * {@link org.optbench.api.StepContext}: the batch, the loss and gradients, the parameters, the optimizer state,
 * the step, the elapsed submission time and the budget. It sees no validation or test data and no workload name.
 * {@code selectData} draws from a {@link org.optbench.api.BatchStream}; where a workload scores its training examples
 * the stream also offers {@link org.optbench.api.Candidates} to choose single examples by score (since 1.2).
 *
 * <p>This package depends on nd4j-api only, and is kept small and stable: a jar built against one version keeps
 * working with the next.
 */
package org.optbench.api;
