package org.optbench.harness.trial;

import org.optbench.api.HyperParameters;
import org.optbench.api.LossAndGradients;
import org.optbench.api.OptimizerState;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.api.StepContext;
import org.optbench.api.Submission;
import org.optbench.api.WorkloadInfo;

/** Plain SGD that also sleeps in update and in prepareForEval, so that submission time is large and known. */
class SleepySgd implements Submission {
    private final long updateSleepMillis;
    private final long prepareSleepMillis;
    int prepareCalls;

    SleepySgd(long updateSleepMillis, long prepareSleepMillis) {
        this.updateSleepMillis = updateSleepMillis;
        this.prepareSleepMillis = prepareSleepMillis;
    }

    @Override
    public String name() {
        return "sleepy_sgd";
    }

    @Override
    public OptimizerState init(WorkloadInfo workload, Params params, HyperParameters hyperParameters, Rng rng) {
        return OptimizerState.NONE;
    }

    @Override
    public void update(StepContext context) {
        LossAndGradients lg = context.lossAndGradients();
        for (int i = 0; i < context.params().size(); i++) {
            context.params().value(i).subi(lg.gradients().value(i).mul(0.01));
        }
        Sleep.millis(updateSleepMillis);
    }

    @Override
    public void prepareForEval(StepContext context) {
        prepareCalls++;
        Sleep.millis(prepareSleepMillis);
    }
}
