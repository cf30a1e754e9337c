package org.optbench.workloads;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.optbench.api.Batch;
import org.optbench.api.Params;

/** Central finite differences of a whole model's loss in float64, against its analytic gradients. */
public final class ModelFiniteDifferences {
    private static final double H = 1e-6;

    private ModelFiniteDifferences() {
    }

    /**
     * Checks entry {@code index} of parameter {@code p}: the analytic gradient (from {@code analytic}, a copy
     * taken at {@code params}) against {@code (L(x + h) - L(x - h)) / 2h} computed with {@code probe}, relative
     * error below {@code tolerance} (absolute differences under 1e-9 pass: entries zero up to rounding). Returns
     * the relative error.
     */
    public static double check(Model probe, Params params, Params analytic, Batch batch, int p, long index,
                               double tolerance) {
        INDArray x = params.value(p).reshape(params.value(p).length());
        double saved = x.getDouble(index);
        x.putScalar(index, saved + H);
        double plus = probe.lossAndGradients(params, batch).loss();
        x.putScalar(index, saved - H);
        double minus = probe.lossAndGradients(params, batch).loss();
        x.putScalar(index, saved);
        double numeric = (plus - minus) / (2 * H);
        double exact = analytic.value(p).reshape(analytic.value(p).length()).getDouble(index);
        double diff = Math.abs(numeric - exact);
        double error = diff / Math.max(1e-12, Math.max(Math.abs(numeric), Math.abs(exact)));
        if (diff > 1e-9) {
            assertTrue(error < tolerance, params.get(p).name() + "[" + index + "]: analytic " + exact
                    + ", finite difference " + numeric + ", relative error " + error);
        }
        return diff > 1e-9 ? error : 0;
    }
}
