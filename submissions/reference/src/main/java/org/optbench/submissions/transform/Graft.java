package org.optbench.submissions.transform;

import org.optbench.api.Params;

/**
 * Layer-wise grafting (Agarwal, Anil, Hazan, Koren and Zhang, "Disentangling Adaptive Gradient Methods from
 * Learning Rates", 2020): the direction of one transformation with the per-tensor size of another. Both run on
 * the same incoming updates; for each parameter tensor,
 * <pre>
 *   out = dir * ||mag|| / (||dir|| + eps)       (Frobenius norms of the whole tensor; 0 where ||dir|| + eps = 0)
 * </pre>
 * Shampoo grafts its step onto Adam's or RMSProp's norm this way: Google's {@code distributed_shampoo} uses
 * {@code eps = 1e-25}, init2winit's SONew {@code 1e-12}, tearfree {@code 0}.
 *
 * <p>State: both transformations' states and one buffer shaped like the parameters for the magnitude's copy of
 * the updates.
 */
public final class Graft implements GradientTransformation {
    private final GradientTransformation direction;
    private final GradientTransformation magnitude;
    private final double eps;

    /**
     * @param direction gives the direction of each tensor's update
     * @param magnitude gives its norm
     * @param eps added to the direction's norm, at least 0
     */
    public Graft(GradientTransformation direction, GradientTransformation magnitude, double eps) {
        if (!(eps >= 0)) {
            throw new IllegalArgumentException("graft eps must be at least 0, got " + eps);
        }
        this.direction = direction;
        this.magnitude = magnitude;
        this.eps = eps;
    }

    /**
     * The states of both transformations and the magnitude's buffer.
     *
     * @param direction the direction's state
     * @param magnitude the magnitude's state
     * @param magnitudeUpdates where the magnitude transforms its copy of the updates
     */
    public record State(TransformState direction, TransformState magnitude, Params magnitudeUpdates)
            implements TransformState {
        /** Both states and the buffer. */
        @Override
        public long stateBytes() {
            return direction.stateBytes() + magnitude.stateBytes() + Elements.bytes(magnitudeUpdates);
        }
    }

    @Override
    public State init(Params params) {
        return new State(direction.init(params), magnitude.init(params), params.zerosLike());
    }

    @Override
    public void update(Params updates, TransformState state, Params params) {
        State s = (State) state;
        Params mag = s.magnitudeUpdates();
        for (int p = 0; p < updates.size(); p++) {
            Elements.copy(updates.value(p), mag.value(p));
        }
        magnitude.update(mag, s.magnitude(), params);
        direction.update(updates, s.direction(), params);
        for (int p = 0; p < updates.size(); p++) {
            double directionNorm = Math.sqrt(Elements.sumOfSquares(updates.value(p)));
            double magnitudeNorm = Math.sqrt(Elements.sumOfSquares(mag.value(p)));
            double denominator = directionNorm + eps;
            Elements.scale(updates.value(p), denominator > 0 ? magnitudeNorm / denominator : 0);
        }
    }
}
