package org.optbench.submissions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.optbench.api.HyperParameters;
import org.optbench.api.Params;
import org.optbench.submissions.transform.Optimizer;
import org.optbench.submissions.transform.TinyModel;

/**
 * Schedule-Free AdamW against OPTIMIZERS.md section 7 computed by hand in plain doubles, including evaluation on
 * the averaged iterate x and the return to y before the next update. Step hint 6 and warm-up factor 0.5 give
 * W = 3 warm-up steps: lr = lr0 (k + 1)/3 for k &lt; 3, then lr0.
 */
class ScheduleFreeTrajectoryTest {
    private static final double[] INITIAL = {0.5, -1.0, 0.25, 2.0, -0.75, 1.5, 0.1, -0.2, 0.3};
    private static final int N = INITIAL.length;
    private static final int STEPS = 7;
    private static final int EVAL_AFTER = 4;

    private static final double LR0 = 0.05;
    private static final double B1 = 0.9;
    private static final double B2 = 0.95;
    private static final double EPS = 1e-3;
    private static final double LAMBDA = 0.1;
    private static final double R = 0.75;
    private static final double WEIGHT_LR_POWER = 2;

    private static HyperParameters hyperParameters() {
        return HyperParameters.of(Map.of("learning_rate", LR0, "one_minus_beta1", 1 - B1, "beta2", B2,
                "epsilon", EPS, "weight_decay", LAMBDA, "warmup_factor", 0.5, "r", R,
                "weight_lr_power", WEIGHT_LR_POWER));
    }

    /** y after each step, and x after EVAL_AFTER steps, by hand. */
    private record ByHand(double[][] y, double[] xAtEval) {
    }

    private static ByHand byHand() {
        double[] z = INITIAL.clone();
        double[] x = INITIAL.clone();
        double[] y = INITIAL.clone();
        double[] v = new double[N];
        double lrMax = -1;
        double weightSum = 0;
        double[][] ys = new double[STEPS + 1][];
        double[] xAtEval = null;
        for (int k = 0; k < STEPS; k++) {
            double lr = LR0 * (k < 3 ? (k + 1) / 3.0 : 1.0);
            lrMax = Math.max(lr, lrMax);
            double weight = Math.pow(k + 1, R) * Math.pow(lrMax, WEIGHT_LR_POWER);
            weightSum += weight;
            double c = weight / weightSum;
            double[] g = ReferenceTrajectoriesTest.gradient(y, k + 1);
            for (int i = 0; i < N; i++) {
                z[i] -= lr * LAMBDA * y[i];
                v[i] = B2 * v[i] + (1 - B2) * g[i] * g[i];
                double denom = Math.sqrt(v[i] / (1 - Math.pow(B2, k + 1))) + EPS;
                z[i] -= lr * g[i] / denom;
                x[i] = (1 - c) * x[i] + c * z[i];
                y[i] = B1 * x[i] + (1 - B1) * z[i];
            }
            ys[k + 1] = y.clone();
            if (k + 1 == EVAL_AFTER) {
                xAtEval = x.clone();
            }
        }
        return new ByHand(ys, xAtEval);
    }

    @Test
    void trainsAtYEvaluatesAtXAndReturnsToY() {
        ByHand expected = byHand();
        Optimizer optimizer = ReferenceOptimizers.create("schedule_free_adamw", hyperParameters(), 6);
        Params params = TinyModel.params(DataType.DOUBLE, INITIAL);
        Params gradients = TinyModel.params(DataType.DOUBLE, new double[N]);
        Optimizer.State state = optimizer.init(params);
        for (int t = 1; t <= STEPS; t++) {
            optimizer.restoreAfterEval(params, state); // the gradient is taken at y
            TinyModel.write(gradients, ReferenceTrajectoriesTest.gradient(TinyModel.values(params), t));
            optimizer.step(params, gradients, state);
            assertArrayEquals(expected.y()[t], TinyModel.values(params), 1e-12, "y after step " + t);
            if (t == EVAL_AFTER) {
                optimizer.prepareForEval(params, state);
                optimizer.prepareForEval(params, state); // a second call changes nothing
                assertArrayEquals(expected.xAtEval(), TinyModel.values(params), 1e-12, "x at evaluation");
                // the average lags y, so evaluation really sees another point
                assertTrue(Math.abs(expected.xAtEval()[3] - expected.y()[t][3]) > 1e-4);
            }
        }
    }

    @Test
    void aStepOnTheEvaluationPointIsRefused() {
        Optimizer optimizer = ReferenceOptimizers.create("schedule_free_adamw", hyperParameters(), 6);
        Params params = TinyModel.params(DataType.DOUBLE, INITIAL);
        Params gradients = TinyModel.params(DataType.DOUBLE, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        Optimizer.State state = optimizer.init(params);
        optimizer.step(params, gradients, state);
        optimizer.prepareForEval(params, state);
        assertThrows(IllegalStateException.class, () -> optimizer.step(params, gradients, state));
    }

    @Test
    void float32MatchesFloat64WithinFloatPrecision() {
        double[][] finals = new double[2][];
        DataType[] types = {DataType.DOUBLE, DataType.FLOAT};
        for (int run = 0; run < 2; run++) {
            Optimizer optimizer = ReferenceOptimizers.create("schedule_free_adamw", hyperParameters(), 6);
            Params params = TinyModel.params(types[run], INITIAL);
            Params gradients = TinyModel.params(types[run], new double[N]);
            Optimizer.State state = optimizer.init(params);
            for (int t = 1; t <= STEPS; t++) {
                TinyModel.write(gradients, ReferenceTrajectoriesTest.gradient(TinyModel.values(params), t));
                optimizer.step(params, gradients, state);
            }
            optimizer.prepareForEval(params, state);
            finals[run] = TinyModel.values(params);
        }
        assertArrayEquals(finals[0], finals[1], 1e-5);
    }
}
