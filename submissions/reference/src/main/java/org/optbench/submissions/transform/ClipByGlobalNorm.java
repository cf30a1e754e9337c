package org.optbench.submissions.transform;

import org.optbench.api.Params;

/**
 * Clips the updates by their global norm (Pascanu, Mikolov and Bengio, "On the difficulty of training recurrent
 * neural networks", ICML 2013; Optax's {@code clip_by_global_norm}, PyTorch's {@code clip_grad_norm_}):
 * <pre>
 *   N = sqrt(sum over all tensors of ||u||^2)
 *   u &lt;- u * maxNorm / N    if N &gt; maxNorm, else unchanged
 * </pre>
 * Stateless.
 */
public final class ClipByGlobalNorm implements GradientTransformation {
    private final double maxNorm;

    /** @param maxNorm the largest global norm let through, positive */
    public ClipByGlobalNorm(double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("max norm must be positive, got " + maxNorm);
        }
        this.maxNorm = maxNorm;
    }

    @Override
    public TransformState init(Params params) {
        return TransformState.EMPTY;
    }

    @Override
    public void update(Params updates, TransformState state, Params params) {
        double sumOfSquares = 0;
        for (int p = 0; p < updates.size(); p++) {
            sumOfSquares += Elements.sumOfSquares(updates.value(p));
        }
        double norm = Math.sqrt(sumOfSquares);
        if (norm > maxNorm) {
            double factor = maxNorm / norm;
            for (int p = 0; p < updates.size(); p++) {
                Elements.scale(updates.value(p), factor);
            }
        }
    }
}
