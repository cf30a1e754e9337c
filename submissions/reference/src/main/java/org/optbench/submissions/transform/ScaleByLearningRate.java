package org.optbench.submissions.transform;

import org.optbench.api.ParameterType;
import org.optbench.api.Params;

/**
 * The learning-rate link, last in a chain: {@code u <- -lr(k) * u} at the update with 0-based index {@code k}, so
 * that the chain's output is the change to add to the parameters (Optax's {@code scale_by_learning_rate}).
 * State: the update count.
 */
public final class ScaleByLearningRate implements ElementwiseLink {
    private final Schedule schedule;

    /** @param schedule the learning rate by 0-based update index */
    public ScaleByLearningRate(Schedule schedule) {
        this.schedule = schedule;
    }

    /** The schedule this link reads. */
    public Schedule schedule() {
        return schedule;
    }

    /** The number of updates done; the next one uses {@code schedule.at(count())}. */
    public static final class State implements TransformState {
        private long count;
        /** This step's {@code -lr}, set by {@link #beginFloat} for the chunks. */
        private double factor;

        /** The number of updates done. */
        public long count() {
            return count;
        }

        /** Holds no tensor: 0. */
        @Override
        public long stateBytes() {
            return 0;
        }
    }

    @Override
    public State init(Params params) {
        return new State();
    }

    @Override
    public void update(Params updates, TransformState state, Params params) {
        State s = (State) state;
        double lr = schedule.at(s.count);
        s.count++;
        for (int p = 0; p < updates.size(); p++) {
            Elements.scale(updates.value(p), -lr);
        }
    }

    @Override
    public void beginFloat(TransformState state) {
        State s = (State) state;
        s.factor = -schedule.at(s.count);
        s.count++;
    }

    @Override
    public void chunkFloat(TransformState state, int index, ParameterType type, int start, int len, float[] u,
                           float[] x) {
        Elements.scaleChunk(u, (float) ((State) state).factor, len);
    }
}
