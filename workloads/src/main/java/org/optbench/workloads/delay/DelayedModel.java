package org.optbench.workloads.delay;

import org.optbench.api.Batch;
import org.optbench.api.LossAndGradients;
import org.optbench.api.Params;
import org.optbench.workloads.Model;

/**
 * A base model whose gradients are late: at step t every request is answered at the parameters the step's first
 * request saw at step t - d_t (at the initial ones while t < d_t), and a dropped update's gradient is zero (its
 * loss is still that of the oldest parameters kept, so that a dropped step costs what any step costs).
 *
 * <p>It keeps {@code maxDelay + 1} copies of the parameters: the last {@code maxDelay} steps' and this step's,
 * which must outlive this step's requests though step t - maxDelay's slot is read by them. The harness names each
 * step through {@link #beginStep}; a caller that never does (a benchmark) makes each request a step of its own.
 */
final class DelayedModel implements Model {
    private final Model base;
    private final LatencyModel latency;
    private Params[] ring;
    private long step;
    private boolean stepStarted = true;
    private boolean steered;
    private Params answerAt;
    private boolean dropped;

    DelayedModel(Model base, LatencyModel latency) {
        this.base = base;
        this.latency = latency;
    }

    @Override
    public void beginStep(long step) {
        this.step = step;
        stepStarted = true;
        steered = true;
        base.beginStep(step);
    }

    @Override
    public LossAndGradients lossAndGradients(Params params, Batch batch) {
        if (!steered && !stepStarted) {
            step++;
            stepStarted = true;
        }
        if (stepStarted) {
            stepStarted = false;
            resolve(params);
        }
        LossAndGradients result = base.lossAndGradients(answerAt == null ? params : answerAt, batch);
        if (dropped) {
            for (Params.Param g : result.gradients()) {
                g.value().assign(0);
            }
        }
        return result;
    }

    /** Keeps this step's parameters and picks the ones this step's requests are answered at. */
    private void resolve(Params params) {
        int delay = latency.delay(step);
        dropped = delay == LatencyModel.DROPPED;
        int max = latency.maxDelay();
        if (max == 0) {
            answerAt = null;
            return;
        }
        if (ring == null) {
            ring = new Params[max + 1];
            for (int i = 0; i < ring.length; i++) {
                ring[i] = params.zerosLike();
            }
        }
        Params now = ring[(int) (step % ring.length)];
        for (int i = 0; i < params.size(); i++) {
            now.value(i).assign(params.value(i));
        }
        long back = Math.min(dropped ? max : delay, step);
        answerAt = ring[(int) ((step - back) % ring.length)];
    }

    @Override
    public void close() {
        base.close();
        ring = null;
    }
}
