package org.optbench.harness.trial;

import java.util.Map;

import org.optbench.api.BatchStream;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.api.WorkloadInfo;
import org.optbench.workloads.Model;
import org.optbench.workloads.Split;
import org.optbench.workloads.Workload;
import org.optbench.workloads.WorkloadSpec;

/** A real workload whose evaluation of each split also sleeps, so that evaluation time is large and known. */
final class SleepyWorkload implements Workload {
    private final Workload inner;
    private final WorkloadSpec spec;
    private final long sleepMillisPerSplit;

    SleepyWorkload(Workload inner, double evalPeriodSeconds, long sleepMillisPerSplit) {
        this.inner = inner;
        this.spec = inner.spec().withEvalPeriodSeconds(evalPeriodSeconds);
        this.sleepMillisPerSplit = sleepMillisPerSplit;
    }

    @Override
    public WorkloadSpec spec() {
        return spec;
    }

    @Override
    public WorkloadInfo info() {
        return inner.info();
    }

    @Override
    public Params initialParams(Rng rng) {
        return inner.initialParams(rng);
    }

    @Override
    public BatchStream trainingStream(int batchSize, Rng rng) {
        return inner.trainingStream(batchSize, rng);
    }

    @Override
    public Model model(int batchSize) {
        return inner.model(batchSize);
    }

    @Override
    public Map<String, Double> evaluate(Params params, Split split) {
        Sleep.millis(sleepMillisPerSplit);
        return inner.evaluate(params, split);
    }
}
