package org.optbench.workloads;

import java.util.Map;

import org.optbench.api.BatchStream;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.api.WorkloadInfo;

/**
 * A model, its data and its targets: what optbench trains a submission on. Implementations are plain and
 * declarative, AlgoPerf style; a variant changes one thing of its base.
 */
public interface Workload {
    /** Name, targets, budget, eval period, step hint, default batch size. */
    WorkloadSpec spec();

    /** What a submission may know: parameter shapes and types, loss, step hint, training set size. */
    WorkloadInfo info();

    /** Fresh initial parameters drawn from {@code rng}, as contiguous views of one flat buffer. */
    Params initialParams(Rng rng);

    /** An endless stream of training batches, reshuffled each epoch from {@code rng}. */
    BatchStream trainingStream(int batchSize, Rng rng);

    /** The network with buffers for this batch size. */
    Model model(int batchSize);

    /**
     * The metrics of a split at {@code params}: always {@code "loss"} and the spec's metric, possibly more
     * (for example {@code "perplexity"}). Untimed.
     */
    Map<String, Double> evaluate(Params params, Split split);
}
