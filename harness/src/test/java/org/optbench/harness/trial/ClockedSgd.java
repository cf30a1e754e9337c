package org.optbench.harness.trial;

import org.optbench.api.HyperParameters;
import org.optbench.api.LossAndGradients;
import org.optbench.api.OptimizerState;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.api.StepContext;
import org.optbench.api.Submission;
import org.optbench.api.WorkloadInfo;

/** Plain SGD whose update and prepareForEval take a known time on a {@link ManualClock}. */
class ClockedSgd implements Submission {
    final ManualClock clock;
    private final long updateMillis;
    private final long prepareMillis;
    int prepareCalls;

    ClockedSgd(ManualClock clock, long updateMillis, long prepareMillis) {
        this.clock = clock;
        this.updateMillis = updateMillis;
        this.prepareMillis = prepareMillis;
    }

    @Override
    public String name() {
        return "clocked_sgd";
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
        clock.work(updateMillis);
    }

    @Override
    public void prepareForEval(StepContext context) {
        prepareCalls++;
        clock.work(prepareMillis);
    }
}
