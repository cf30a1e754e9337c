package org.optbench.harness.trial;

import org.optbench.api.EvalResult;

/** Hears what a trial does, for progress bars. Calls happen outside the timed region; keep them cheap. */
public interface TrialListener {
    /** After each step. */
    default void onStep(long step, double submissionSeconds) {
    }

    /** After each evaluation. */
    default void onEvaluation(EvalResult evaluation) {
    }

    /** Hears nothing. */
    TrialListener NONE = new TrialListener() {
    };
}
