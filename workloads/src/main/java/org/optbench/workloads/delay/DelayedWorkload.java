package org.optbench.workloads.delay;

import java.util.Map;

import org.optbench.api.BatchStream;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.api.WorkloadInfo;
import org.optbench.workloads.Model;
import org.optbench.workloads.Split;
import org.optbench.workloads.Workload;
import org.optbench.workloads.WorkloadSpec;

/**
 * A base workload whose training gradients arrive late ({@link DelayedModel}); parameters, data, evaluation and
 * what a submission sees of it are the base's. Only the spec (name, targets, budget) is its own.
 */
public final class DelayedWorkload implements Workload {
    private final WorkloadSpec spec;
    private final Workload base;
    private final LatencyModel latency;

    /**
     * @param spec this variant's name and targets
     * @param base the workload whose gradients are delayed
     * @param latency how late each step's gradient is
     */
    public DelayedWorkload(WorkloadSpec spec, Workload base, LatencyModel latency) {
        this.spec = spec;
        this.base = base;
        this.latency = latency;
    }

    /** The delays. */
    public LatencyModel latency() {
        return latency;
    }

    @Override
    public WorkloadSpec spec() {
        return spec;
    }

    @Override
    public WorkloadInfo info() {
        return base.info();
    }

    @Override
    public Params initialParams(Rng rng) {
        return base.initialParams(rng);
    }

    @Override
    public BatchStream trainingStream(int batchSize, Rng rng) {
        return base.trainingStream(batchSize, rng);
    }

    @Override
    public Model model(int batchSize) {
        return new DelayedModel(base.model(batchSize), latency);
    }

    @Override
    public Map<String, Double> evaluate(Params params, Split split) {
        return base.evaluate(params, split);
    }
}
