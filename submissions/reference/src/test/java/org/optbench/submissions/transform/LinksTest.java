package org.optbench.submissions.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.optbench.submissions.transform.Transforms.addDecayedWeights;
import static org.optbench.submissions.transform.Transforms.chain;
import static org.optbench.submissions.transform.Transforms.clipByGlobalNorm;
import static org.optbench.submissions.transform.Transforms.emaMomentum;
import static org.optbench.submissions.transform.Transforms.graft;
import static org.optbench.submissions.transform.Transforms.scaleByAdam;
import static org.optbench.submissions.transform.Transforms.scaleByLearningRate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.optbench.api.ParameterType;
import org.optbench.api.Params;

/** Single links on the 2x3 matrix + bias of {@link TinyModel}, in float64 and float32. */
class LinksTest {
    private static double tolerance(DataType type) {
        return type == DataType.DOUBLE ? 1e-12 : 1e-6;
    }

    /** Runs one update of {@code link} on fresh state and returns the output. */
    private static double[] once(GradientTransformation link, DataType type, double[] params, double[] updates) {
        Params p = TinyModel.params(type, params);
        Params u = TinyModel.params(type, updates);
        link.update(u, link.init(p), p);
        return TinyModel.values(u);
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void weightDecayMaskSparesTheExemptTypes(DataType type) {
        double[] x = {1, -2, 3, -4, 5, -6, 7, 8, 9};
        double[] u = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
        // default: every parameter decays, as PyTorch does: u + 0.1 x
        assertArrayEquals(new double[] {0.6, 0.3, 0.8, 0.1, 1.0, -0.1, 1.2, 1.3, 1.4},
                once(addDecayedWeights(0.1), type, x, u), tolerance(type));
        // biases exempt: the bias entries pass unchanged
        assertArrayEquals(new double[] {0.6, 0.3, 0.8, 0.1, 1.0, -0.1, 0.5, 0.5, 0.5},
                once(addDecayedWeights(0.1, ParameterMask.allExcept(ParameterType.BIAS, ParameterType.NORM_SCALE,
                        ParameterType.NORM_BIAS)), type, x, u), tolerance(type));
        // only biases
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 1.2, 1.3, 1.4},
                once(addDecayedWeights(0.1, ParameterMask.only(ParameterType.BIAS)), type, x, u), tolerance(type));
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void clippingScalesDownOnlyAboveTheGlobalNorm(DataType type) {
        double[] x = new double[TinyModel.SIZE];
        // global norm: sqrt(3^2 + 4^2 + 12^2) = 13, across both tensors
        double[] u = {3, 0, 0, 0, 4, 0, 0, 0, -12};
        assertArrayEquals(new double[] {1.5, 0, 0, 0, 2, 0, 0, 0, -6}, once(clipByGlobalNorm(6.5), type, x, u),
                tolerance(type));
        assertArrayEquals(u, once(clipByGlobalNorm(13.5), type, x, u), tolerance(type));
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void graftTakesTheDirectionOfOneAndTheNormOfTheOtherPerTensor(DataType type) {
        double[] x = new double[TinyModel.SIZE];
        double[] g = {3, -4, 0, 0, 0, 0, 0.5, 0.5, 0.5};
        // magnitude: Adam's first step is g / (|g| + eps) elementwise (m^ = g, sqrt(v^) = |g|); with eps = 1e-30
        // (representable in float32) that is sign(g), and 0 where g = 0. Its norm is sqrt(2) on the matrix (two
        // nonzero entries) and sqrt(3) on the bias.
        // direction: the identity (an empty chain): the gradient itself, norms 5 and sqrt(0.75).
        GradientTransformation link = graft(chain(), scaleByAdam(0.9, 0.999, 1e-30, false), 0);
        double[] out = once(link, type, x, g);
        double matrixFactor = Math.sqrt(2) / 5;
        double biasFactor = Math.sqrt(3) / Math.sqrt(0.75);
        assertArrayEquals(new double[] {3 * matrixFactor, -4 * matrixFactor, 0, 0, 0, 0, 0.5 * biasFactor,
            0.5 * biasFactor, 0.5 * biasFactor}, out, tolerance(type));
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void graftOfAZeroDirectionIsZero(DataType type) {
        double[] x = new double[TinyModel.SIZE];
        double[] g = {0, 0, 0, 0, 0, 0, 1, 1, 1};
        // direction scales by 0 (lr = 0 gives -0 * g), magnitude is the gradient: no NaN, just zeros
        double[] out = once(graft(scaleByLearningRate(Schedule.constant(0)), chain(), 0), type, x, g);
        assertArrayEquals(new double[TinyModel.SIZE], out, 0);
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void emaMomentumAveragesFromZero(DataType type) {
        // b1 = 0.5 * 0 + 0.5 * d1; b2 = 0.5 b1 + 0.5 d2; Nesterov output 0.5 d + 0.5 b
        Params p = TinyModel.params(type, new double[TinyModel.SIZE]);
        GradientTransformation heavyBall = emaMomentum(0.5, false);
        GradientTransformation nesterov = emaMomentum(0.5, true);
        TransformState hbState = heavyBall.init(p);
        TransformState nState = nesterov.init(p);
        double[] d1 = {2, 2, 2, 2, 2, 2, 2, 2, 2};
        double[] d2 = {4, 0, 4, 0, 4, 0, 4, 0, 4};
        Params u = TinyModel.params(type, d1);
        heavyBall.update(u, hbState, p);
        assertEquals(1.0, TinyModel.values(u)[0], 0);
        TinyModel.write(u, d2);
        heavyBall.update(u, hbState, p);
        assertArrayEquals(new double[] {2.5, 0.5, 2.5, 0.5, 2.5, 0.5, 2.5, 0.5, 2.5}, TinyModel.values(u), 0);
        Params v = TinyModel.params(type, d1);
        nesterov.update(v, nState, p);
        TinyModel.write(v, d2);
        nesterov.update(v, nState, p);
        // b = 2.5 / 0.5 as above; out = 0.5 * 4 + 0.5 * 2.5 = 3.25, or 0.5 * 0 + 0.5 * 0.5 = 0.25
        assertArrayEquals(new double[] {3.25, 0.25, 3.25, 0.25, 3.25, 0.25, 3.25, 0.25, 3.25}, TinyModel.values(v),
                0);
        assertEquals(TinyModel.SIZE * (long) type.width(), hbState.stateBytes());
    }
}
