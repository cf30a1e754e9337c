package org.optbench.harness.trial;

import org.optbench.results.records.EvalRow;

/**
 * What a trial loop tells whoever owns its record, in order: the clock started, steps, evaluations, the end. In a
 * trial JVM these go over the channel to the launcher, which decides from each evaluation whether the targets are
 * reached (the trial JVM does not know them); in one JVM (tests, {@code --in-process}) they go to it directly.
 */
public interface TrialEvents {
    /** Setup is done and the clock starts. */
    void started(long stateBytes);

    /** After a step; cheap, and called often (implementations may skip some). */
    void step(long step, double submissionSeconds);

    /**
     * After an evaluation.
     *
     * @return whether the trial stops here because both targets are reached
     */
    boolean evaluated(EvalRow row);

    /** The loop ended. */
    void finished(LoopResult result);
}
