package org.optbench.submissions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.optbench.api.HyperParameters;
import org.optbench.api.Params;
import org.optbench.submissions.transform.Optimizer;
import org.optbench.submissions.transform.TinyModel;

/**
 * Each reference optimizer against steps computed here by hand, in plain double arithmetic, from the equations of
 * OPTIMIZERS.md (written in PyTorch's form, not the chain's), on a 2x3 matrix and a bias of 3 in float64.
 *
 * <p>Schedules: step hint 6 and warm-up factor 0.34 give W = int(2.04) = 2 warm-up steps and D = 6 - 2 = 4 decay
 * steps; 7 updates run through warm-up (lr 0, lr0/2), the cosine and past its end (lr 0 at k = 6).
 */
class ReferenceTrajectoriesTest {
    private static final double[] INITIAL = {0.5, -1.0, 0.25, 2.0, -0.75, 1.5, 0.1, -0.2, 0.3};
    private static final int N = INITIAL.length;
    private static final long STEP_HINT = 6;
    private static final int STEPS = 7;
    private static final double TOLERANCE = 1e-12;

    /** A gradient that depends on the point and the step: g_i = (0.3 + 0.2 i)(x_i - 0.5) + 0.1 cos(t + i). */
    static double[] gradient(double[] x, int t) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = (0.3 + 0.2 * i) * (x[i] - 0.5) + 0.1 * Math.cos(t + i);
        }
        return g;
    }

    /** AlgoPerf's schedule for W = 2, D = 4, written out: lr0 k/2 for k < 2, then lr0 (1 + cos(pi min(k-2, 4)/4))/2. */
    static double warmupCosine(double lr0, int k) {
        if (k < 2) {
            return lr0 * k / 2.0;
        }
        return lr0 * 0.5 * (1 + Math.cos(Math.PI * Math.min(k - 2, 4) / 4.0));
    }

    /** Runs the named optimizer for STEPS updates from INITIAL, with the gradient above, in the given type. */
    static double[] run(String name, HyperParameters hp, DataType type) {
        Optimizer optimizer = ReferenceOptimizers.create(name, hp, STEP_HINT);
        Params params = TinyModel.params(type, INITIAL);
        Params gradients = TinyModel.params(type, new double[N]);
        Optimizer.State state = optimizer.init(params);
        for (int t = 1; t <= STEPS; t++) {
            TinyModel.write(gradients, gradient(TinyModel.values(params), t));
            optimizer.step(params, gradients, state);
        }
        return TinyModel.values(params);
    }

    private static HyperParameters adamHyperParameters() {
        return HyperParameters.of(Map.of("learning_rate", 0.05, "one_minus_beta1", 0.2, "beta2", 0.95,
                "epsilon", 1e-3, "weight_decay", 0.1, "warmup_factor", 0.34));
    }

    /** PyTorch AdamW (OPTIMIZERS.md 1), or AlgoPerf NAdamW (2a), by hand. */
    private static double[] adamByHand(boolean nesterov) {
        double lr0 = 0.05;
        double b1 = 0.8;
        double b2 = 0.95;
        double eps = 1e-3;
        double lambda = 0.1;
        double[] x = INITIAL.clone();
        double[] m = new double[N];
        double[] v = new double[N];
        for (int t = 1; t <= STEPS; t++) {
            double lr = warmupCosine(lr0, t - 1);
            double[] g = gradient(x, t);
            double bc1 = 1 - Math.pow(b1, t);
            double bc2 = 1 - Math.pow(b2, t);
            for (int i = 0; i < N; i++) {
                x[i] = x[i] * (1 - lr * lambda);
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                double numerator = nesterov ? b1 * m[i] + (1 - b1) * g[i] : m[i];
                x[i] = x[i] - (lr / bc1) * numerator / (Math.sqrt(v[i]) / Math.sqrt(bc2) + eps);
            }
        }
        return x;
    }

    @Test
    void adamwFollowsPyTorchAdamW() {
        double[] expected = adamByHand(false);
        assertArrayEquals(expected, run("adamw", adamHyperParameters(), DataType.DOUBLE), TOLERANCE);
        assertMoved(expected);
    }

    @Test
    void nadamwFollowsAlgoPerfNAdamW() {
        double[] expected = adamByHand(true);
        assertArrayEquals(expected, run("nadamw", adamHyperParameters(), DataType.DOUBLE), TOLERANCE);
        // and the Nesterov moment makes a difference here
        assertTrue(Math.abs(expected[0] - adamByHand(false)[0]) > 1e-4);
    }

    @Test
    void adamAndNadamInFloat32MatchFloat64WithinFloatPrecision() {
        for (String name : new String[] {"adamw", "nadamw"}) {
            double[] inDouble = run(name, adamHyperParameters(), DataType.DOUBLE);
            double[] inFloat = run(name, adamHyperParameters(), DataType.FLOAT);
            assertArrayEquals(inDouble, inFloat, 1e-5, name);
        }
    }

    private static HyperParameters sgdHyperParameters() {
        return HyperParameters.of(Map.of("learning_rate", 0.3, "one_minus_beta1", 0.25, "weight_decay", 0.05,
                "warmup_factor", 0.34));
    }

    /** PyTorch SGD with coupled weight decay, heavy ball or Nesterov (OPTIMIZERS.md 3), by hand. */
    private static double[] sgdByHand(boolean nesterov) {
        double lr0 = 0.3;
        double mu = 0.75;
        double lambda = 0.05;
        double[] x = INITIAL.clone();
        double[] b = new double[N];
        for (int t = 1; t <= STEPS; t++) {
            double lr = warmupCosine(lr0, t - 1);
            double[] g = gradient(x, t);
            for (int i = 0; i < N; i++) {
                double d = g[i] + lambda * x[i];
                b[i] = t == 1 ? d : mu * b[i] + d;
                x[i] = x[i] - lr * (nesterov ? d + mu * b[i] : b[i]);
            }
        }
        return x;
    }

    @Test
    void sgdMomentumFollowsPyTorchHeavyBallWithCoupledDecay() {
        double[] expected = sgdByHand(false);
        assertArrayEquals(expected, run("sgd_momentum", sgdHyperParameters(), DataType.DOUBLE), TOLERANCE);
        assertMoved(expected);
    }

    @Test
    void sgdNesterovFollowsPyTorchNesterovWithCoupledDecay() {
        double[] expected = sgdByHand(true);
        assertArrayEquals(expected, run("sgd_nesterov", sgdHyperParameters(), DataType.DOUBLE), TOLERANCE);
        assertTrue(Math.abs(expected[0] - sgdByHand(false)[0]) > 1e-4);
    }

    @Test
    void sgdInFloat32MatchesFloat64WithinFloatPrecision() {
        for (String name : new String[] {"sgd_momentum", "sgd_nesterov"}) {
            assertArrayEquals(run(name, sgdHyperParameters(), DataType.DOUBLE),
                    run(name, sgdHyperParameters(), DataType.FLOAT), 1e-5, name);
        }
    }

    private static void assertMoved(double[] expected) {
        double distance = 0;
        for (int i = 0; i < N; i++) {
            distance += Math.abs(expected[i] - INITIAL[i]);
        }
        assertTrue(distance > 0.05, "the hand trajectory should move: " + distance);
    }

    @Test
    void warmupCosineScheduleEntersAsWritten() {
        // with a gradient of zero and no decay, AdamW does not move; so instead check the lr via SGD without momentum:
        // x_T = x_0 - sum_k lr(k) g with a constant gradient g = 1 and mu = 0 (one_minus_beta1 = 1)
        HyperParameters hp = HyperParameters.of(Map.of("learning_rate", 0.4, "one_minus_beta1", 1.0,
                "weight_decay", 0.0, "warmup_factor", 0.34));
        Optimizer sgd = ReferenceOptimizers.create("sgd_momentum", hp, STEP_HINT);
        Params params = TinyModel.params(DataType.DOUBLE, new double[N]);
        Params ones = TinyModel.params(DataType.DOUBLE, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        Optimizer.State state = sgd.init(params);
        // lr by hand: 0, 0.2, 0.4, 0.4 (1 + cos(pi/4))/2, 0.2, 0.4 (1 - cos(pi/4))/2, 0
        double[] lrs = {0, 0.2, 0.4, 0.2 * (1 + Math.sqrt(0.5)), 0.2, 0.2 * (1 - Math.sqrt(0.5)), 0};
        double position = 0;
        for (double lr : lrs) {
            sgd.step(params, ones, state);
            position -= lr;
            assertEquals(position, TinyModel.values(params)[4], 1e-15);
        }
    }
}
