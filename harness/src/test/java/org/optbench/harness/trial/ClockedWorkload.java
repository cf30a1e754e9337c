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

/** A real workload whose evaluation of each split takes a known time on a {@link ManualClock}. */
final class ClockedWorkload implements Workload {
    private final Workload inner;
    private final WorkloadSpec spec;
    private final ManualClock clock;
    private final long millisPerSplit;
    private final long otherThreadMillisPerSplit;
    private final long collectorMillisPerSplit;

    /**
     * @param otherThreadMillisPerSplit CPU time another thread of the process spends while each split is evaluated
     *     (a submission's hidden helper, say)
     * @param collectorMillisPerSplit CPU time the garbage collector spends while each split is evaluated
     */
    ClockedWorkload(Workload inner, double evalPeriodSeconds, ManualClock clock, long millisPerSplit,
                    long otherThreadMillisPerSplit, long collectorMillisPerSplit) {
        this.inner = inner;
        this.spec = inner.spec().withEvalPeriodSeconds(evalPeriodSeconds);
        this.clock = clock;
        this.millisPerSplit = millisPerSplit;
        this.otherThreadMillisPerSplit = otherThreadMillisPerSplit;
        this.collectorMillisPerSplit = collectorMillisPerSplit;
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
        clock.work(millisPerSplit);
        clock.otherThreadWorks(otherThreadMillisPerSplit);
        clock.collectorWorks(collectorMillisPerSplit);
        return inner.evaluate(params, split);
    }
}
