package org.optbench.submissions.transform;

import java.util.ArrayList;
import java.util.List;

import org.optbench.api.Params;

/**
 * Links applied one after the other: the output of each is the input of the next (Optax's {@code chain}). AdamW,
 * for example, is {@code chain(scaleByAdam, addDecayedWeights, scaleByLearningRate)}.
 */
public final class Chain implements GradientTransformation, EvaluationSwap {
    private final List<GradientTransformation> links;

    private Chain(List<GradientTransformation> links) {
        this.links = List.copyOf(links);
    }

    /** The links, applied in this order. */
    public static Chain chain(GradientTransformation... links) {
        return new Chain(List.of(links));
    }

    /** The links, applied in this order. */
    public static Chain of(List<GradientTransformation> links) {
        return new Chain(links);
    }

    /** The links, in order. */
    public List<GradientTransformation> links() {
        return links;
    }

    /**
     * The states of the links, in order.
     *
     * @param links one state per link
     */
    public record State(List<TransformState> links) implements TransformState {
        /** Copies the list so the record stays immutable. */
        public State {
            links = List.copyOf(links);
        }

        /** The sum over the links. */
        @Override
        public long stateBytes() {
            long bytes = 0;
            for (TransformState s : links) {
                bytes += s.stateBytes();
            }
            return bytes;
        }
    }

    @Override
    public State init(Params params) {
        List<TransformState> states = new ArrayList<>(links.size());
        for (GradientTransformation link : links) {
            states.add(link.init(params));
        }
        return new State(states);
    }

    @Override
    public void update(Params updates, TransformState state, Params params) {
        List<TransformState> states = ((State) state).links();
        for (int i = 0; i < links.size(); i++) {
            links.get(i).update(updates, states.get(i), params);
        }
    }

    @Override
    public void toEvaluation(Params params, TransformState state) {
        List<TransformState> states = ((State) state).links();
        for (int i = 0; i < links.size(); i++) {
            if (links.get(i) instanceof EvaluationSwap swap) {
                swap.toEvaluation(params, states.get(i));
            }
        }
    }

    @Override
    public void toTraining(Params params, TransformState state) {
        List<TransformState> states = ((State) state).links();
        for (int i = links.size() - 1; i >= 0; i--) {
            if (links.get(i) instanceof EvaluationSwap swap) {
                swap.toTraining(params, states.get(i));
            }
        }
    }
}
