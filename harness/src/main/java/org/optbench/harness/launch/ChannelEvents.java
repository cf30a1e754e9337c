package org.optbench.harness.launch;

import org.optbench.harness.trial.LoopResult;
import org.optbench.harness.trial.TrialEvents;
import org.optbench.results.records.EvalRow;

/**
 * The trial JVM's side of {@link TrialEvents}: each event becomes a message to the launcher; an evaluation waits
 * for the launcher's verdict (the trial JVM does not know the targets). Steps are sent at most five times a second.
 */
final class ChannelEvents implements TrialEvents {
    private static final long MIN_STEP_INTERVAL_NANOS = 200_000_000L;

    private final ChannelClient channel;
    private long lastStepSent = System.nanoTime() - MIN_STEP_INTERVAL_NANOS;

    ChannelEvents(ChannelClient channel) {
        this.channel = channel;
    }

    @Override
    public void started(long stateBytes) {
        channel.send(TrialMessages.started(stateBytes));
    }

    @Override
    public void step(long step, double submissionSeconds) {
        long now = System.nanoTime();
        if (now - lastStepSent >= MIN_STEP_INTERVAL_NANOS) {
            lastStepSent = now;
            channel.send(TrialMessages.step(step, submissionSeconds));
        }
    }

    @Override
    public boolean evaluated(EvalRow row) {
        return TrialMessages.readVerdict(channel.ask(TrialMessages.eval(row)));
    }

    @Override
    public void finished(LoopResult result) {
        channel.send(TrialMessages.finished(result));
    }
}
