package org.optbench.submissions.transform;

import org.optbench.api.OptimizerState;
import org.optbench.api.Params;

/**
 * An optimizer: one {@link GradientTransformation} (usually a {@link Chain}) whose output is added to the
 * parameters. {@link #init} allocates every buffer; {@link #step} allocates no tensor. A chain of elementwise links
 * (AdamW, NAdamW, SGD with momentum) steps float32 parameters in one pass over memory ({@link FusedChain}).
 *
 * <pre>{@code
 * Optimizer adamw = new Optimizer(Chain.chain(
 *         Transforms.scaleByAdam(0.9, 0.999, 1e-8, false),
 *         Transforms.addDecayedWeights(0.01),
 *         Transforms.scaleByLearningRate(Schedule.constant(1e-3))));
 * Optimizer.State state = adamw.init(params);
 * for (...) {
 *     adamw.restoreAfterEval(params, state);    // only needed if prepareForEval was called; cheap otherwise
 *     Params gradients = ...;                   // taken at params
 *     adamw.step(params, gradients, state);     // params <- params + chain(gradients)
 * }
 * }</pre>
 */
public final class Optimizer {
    private final GradientTransformation transformation;
    /** The one-pass form of an all-elementwise chain on float32, or null (ElementwiseLink). */
    private final FusedChain fused;

    /** @param transformation the chain whose output is the change to the parameters */
    public Optimizer(GradientTransformation transformation) {
        this(transformation, true);
    }

    private Optimizer(GradientTransformation transformation, boolean fuse) {
        this.transformation = transformation;
        this.fused = fuse ? FusedChain.of(transformation) : null;
    }

    /**
     * The same optimizer with every link run in its own pass, as before links fused: the reference the fused step
     * is tested and measured against. Same results, bit for bit.
     */
    public Optimizer unfused() {
        return new Optimizer(transformation, false);
    }

    /** Whether a step on float32 parameters runs in one pass over memory (all links elementwise). */
    public boolean fuses() {
        return fused != null;
    }

    /** The transformation this optimizer runs. */
    public GradientTransformation transformation() {
        return transformation;
    }

    /** The transformation's state and the buffer the updates are computed in. */
    public static final class State implements OptimizerState {
        private final TransformState transform;
        private final Params updates;

        State(TransformState transform, Params updates) {
            this.transform = transform;
            this.updates = updates;
        }

        /** The transformation's state. */
        public TransformState transform() {
            return transform;
        }

        /**
         * The buffer a link-by-link step copies the gradients into and transforms: the last step's change after such
         * a step. Null where every step is fused ({@link Optimizer#fuses()}, float32 parameters): those work chunk by
         * chunk and need none.
         */
        public Params updates() {
            return updates;
        }

        /**
         * The bytes of the transformation's tensors (moments, buffers). The update buffer is not counted: it plays
         * the part of PyTorch's {@code .grad}, not of optimizer state; see {@link #updateBufferBytes()}.
         */
        @Override
        public long stateBytes() {
            return transform.stateBytes();
        }

        /** The bytes of the update buffer. */
        public long updateBufferBytes() {
            return Elements.bytes(updates);
        }
    }

    /** The state for parameters shaped like {@code params}, in their data type. */
    public State init(Params params) {
        // a fused step never touches the update buffer: float32 parameters of an elementwise chain go without one
        boolean fusedOnly = fused != null && Elements.allFloat(params);
        return new State(transformation.init(params), fusedOnly ? null : params.zerosLike());
    }

    /**
     * One update: copies {@code gradients} into the update buffer, runs the transformation on it and adds the
     * result to {@code params} in place. The gradients must have been taken at the training point: after
     * {@link #prepareForEval}, call {@link #restoreAfterEval} before computing them (a Schedule-Free step on the
     * evaluation point is an {@link IllegalStateException}).
     */
    public void step(Params params, Params gradients, State state) {
        if (gradients.size() != params.size()) {
            throw new IllegalArgumentException("gradients have " + gradients.size() + " tensors, params "
                    + params.size());
        }
        if (fused != null && Elements.allFloat(params) && Elements.allFloat(gradients)) {
            fused.step(params, gradients, state.transform);
            return;
        }
        Params updates = state.updates;
        if (updates == null || updates.size() != params.size()) {
            throw new IllegalArgumentException("these parameters and gradients do not match the ones the state was"
                    + " made for (float32 parameters step in one pass, without an update buffer)");
        }
        for (int p = 0; p < params.size(); p++) {
            Elements.copy(gradients.value(p), updates.value(p));
        }
        transformation.update(updates, state.transform, params);
        for (int p = 0; p < params.size(); p++) {
            Elements.addScaled(params.value(p), updates.value(p), 1.0);
        }
    }

    /**
     * Puts the point to evaluate into {@code params} (Schedule-Free's average); does nothing for optimizers that
     * evaluate where they train.
     */
    public void prepareForEval(Params params, State state) {
        if (transformation instanceof EvaluationSwap swap) {
            swap.toEvaluation(params, state.transform);
        }
    }

    /**
     * Undoes {@link #prepareForEval}: puts the training point back. Call it before taking the next gradient; it
     * does nothing when the training point is already in place.
     */
    public void restoreAfterEval(Params params, State state) {
        if (transformation instanceof EvaluationSwap swap) {
            swap.toTraining(params, state.transform);
        }
    }
}
