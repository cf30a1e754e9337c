package org.optbench.submissions.precondition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.ParameterType;
import org.optbench.api.Params;

/**
 * The SONew link against init2winit {@code tds} (graft type 1) worked through by hand for two steps: column-major
 * flattening, debiased moments, tds's row bound for the relative damping, X from the chordal formula (independent
 * of the kernels), Adam grafting, and the Adam direction for a vector.
 */
class ScaleBySonewTest {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.99;
    private static final double EPSILON = 1e-3;
    private static final double GRAFT_EPSILON = 1e-8;

    private static final double[][][] KERNEL_GRADIENTS = {
        {{0.5, -1.0}, {2.0, 0.3}, {-0.7, 1.1}},
        {{-0.2, 0.4}, {1.5, -0.6}, {0.9, 0.8}}};
    private static final double[][] BIAS_GRADIENTS = {{0.3, -2.0}, {0.1, 1.0}};

    private static Params params(double[][] kernel, double[] bias, DataType type) {
        return Params.builder()
                .add("w", ParameterType.WEIGHT, Nd4j.create(kernel).castTo(type))
                .add("b", ParameterType.BIAS, Nd4j.createFromArray(bias).castTo(type))
                .build();
    }

    @ParameterizedTest
    @CsvSource({"DOUBLE, 1e-12", "FLOAT, 2e-5"})
    void twoStepsMatchTheTdsEquations(DataType type, double tolerance) {
        ScaleBySonew sonew = new ScaleBySonew(BETA1, BETA2, EPSILON, GRAFT_EPSILON, 1);
        Params zero = params(new double[3][2], new double[2], type);
        ScaleBySonew.State state = sonew.init(zero);
        double[] m = new double[6];
        double[] nuD = new double[6];
        double[] nuE = new double[5];
        double[] mb = new double[2];
        double[] vb = new double[2];
        for (int t = 1; t <= 2; t++) {
            double[][] g = KERNEL_GRADIENTS[t - 1];
            Params updates = params(g, BIAS_GRADIENTS[t - 1], type);
            sonew.update(updates, state, zero);

            double[] flat = {g[0][0], g[1][0], g[2][0], g[0][1], g[1][1], g[2][1]};
            double c1 = 1 - Math.pow(BETA1, t);
            double c2 = 1 - Math.pow(BETA2, t);
            for (int k = 0; k < 6; k++) {
                m[k] = BETA1 * m[k] + (1 - BETA1) * flat[k];
                nuD[k] = BETA2 * nuD[k] + (1 - BETA2) * flat[k] * flat[k];
                if (k < 5) {
                    nuE[k] = BETA2 * nuE[k] + (1 - BETA2) * flat[k] * flat[k + 1];
                }
            }
            double bound = nuD[0] / c2 + Math.abs(nuE[0] / c2);
            for (int k = 1; k < 6; k++) {
                bound = Math.max(bound, nuD[k] / c2 + Math.abs(nuE[k - 1] / c2));
            }
            double[][] h = new double[6][6];
            for (int k = 0; k < 6; k++) {
                h[k][k] = nuD[k] / c2 + EPSILON * bound;
                if (k < 5) {
                    h[k][k + 1] = nuE[k] / c2;
                    h[k + 1][k] = nuE[k] / c2;
                }
            }
            double[][] x = LogDetTest.chordalFormula(h, 1);
            double[] u = new double[6];
            double uSquares = 0;
            double aSquares = 0;
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 6; j++) {
                    u[i] += x[i][j] * m[j] / c1;
                }
                uSquares += u[i] * u[i];
                double a = m[i] / c1 / (Math.sqrt(nuD[i] / c2) + GRAFT_EPSILON);
                aSquares += a * a;
            }
            double graft = Math.sqrt(aSquares) / (Math.sqrt(uSquares) + 1e-12);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 2; j++) {
                    assertEquals(u[j * 3 + i] * graft, updates.value(0).getDouble(i, j), tolerance, "w " + i + "," + j);
                }
            }
            for (int i = 0; i < 2; i++) {
                double gb = BIAS_GRADIENTS[t - 1][i];
                mb[i] = BETA1 * mb[i] + (1 - BETA1) * gb;
                vb[i] = BETA2 * vb[i] + (1 - BETA2) * gb * gb;
                double adam = mb[i] / c1 / (Math.sqrt(vb[i] / c2) + GRAFT_EPSILON);
                assertEquals(adam, updates.value(1).getDouble(i), tolerance, "b " + i);
            }
        }
        assertEquals(2, state.count());
        // m, ν_d, ν_e: 3n − 1 = 17 for the kernel, m and ν_d for the bias: 4.
        assertEquals(type.width() * (17L + 4), state.stateBytes());
    }

    @Test
    void bandedStateIsBPlusTwoPerEntryAndFloat32Works() {
        ScaleBySonew sonew = new ScaleBySonew(BETA1, BETA2, EPSILON, GRAFT_EPSILON, 3);
        Params zero = params(new double[3][2], new double[2], DataType.FLOAT);
        ScaleBySonew.State state = sonew.init(zero);
        assertEquals(4L * ((3 + 2) * 6 + 4), state.stateBytes());
        Params updates = params(KERNEL_GRADIENTS[0], BIAS_GRADIENTS[0], DataType.FLOAT);
        sonew.update(updates, state, zero);
        assertEquals(DataType.FLOAT, updates.value(0).dataType());
        // With Adam grafting the step's norm is the Adam direction's norm; at t = 1 each Adam entry is ±1/(1+ε_g·…).
        double norm = updates.value(0).norm2Number().doubleValue();
        assertEquals(Math.sqrt(6), norm, 1e-5);
    }

    /**
     * The float32 path (C-order chain, heap state) against the float64 path, which the test above checks by hand,
     * on shapes whose chains differ: a matrix, a one-row matrix, a rank-3 tensor (permuted to column-major) and a
     * vector; five steps of random gradients.
     */
    @Test
    void float32FollowsFloat64OnEveryShape() {
        long[][] shapes = {{7, 5}, {1, 6}, {2, 3, 4}, {9}};
        Params.Builder doubles = Params.builder();
        Params.Builder floats = Params.builder();
        for (int i = 0; i < shapes.length; i++) {
            doubles.add("p" + i, ParameterType.WEIGHT, Nd4j.zeros(DataType.DOUBLE, shapes[i]));
            floats.add("p" + i, ParameterType.WEIGHT, Nd4j.zeros(DataType.FLOAT, shapes[i]));
        }
        Params zeroDouble = doubles.build();
        Params zeroFloat = floats.build();
        ScaleBySonew sonew = new ScaleBySonew(BETA1, BETA2, 0.1, GRAFT_EPSILON, 1);
        ScaleBySonew.State doubleState = sonew.init(zeroDouble);
        ScaleBySonew.State floatState = sonew.init(zeroFloat);
        assertEquals(doubleState.stateBytes() / 2, floatState.stateBytes());
        java.util.Random random = new java.util.Random(7);
        for (int t = 0; t < 5; t++) {
            Params gd = zeroDouble.zerosLike();
            for (int i = 0; i < gd.size(); i++) {
                org.nd4j.linalg.api.ndarray.INDArray v = gd.value(i);
                for (int k = 0; k < v.length(); k++) {
                    v.putScalar(k, (float) random.nextGaussian());
                }
            }
            Params gf = zeroFloat.zerosLike();
            for (int i = 0; i < gf.size(); i++) {
                gf.value(i).assign(gd.value(i).castTo(DataType.FLOAT));
            }
            sonew.update(gd, doubleState, zeroDouble);
            sonew.update(gf, floatState, zeroFloat);
            for (int i = 0; i < gd.size(); i++) {
                for (int k = 0; k < gd.value(i).length(); k++) {
                    double expected = gd.value(i).getDouble(k);
                    assertEquals(expected, gf.value(i).getDouble(k), 1e-4 * Math.max(1, Math.abs(expected)),
                            "step " + t + " tensor " + i + " entry " + k);
                }
            }
        }
    }

    /**
     * The edge removal of {@code OPTIMIZERS.md} 5a, reached exactly: one step without damping (ε = 0) on a gradient
     * of powers of two makes the statistic rank one, so every conditional variance is exactly 0 and every edge is
     * removed. Then X = diag(1/ν̂_d) = diag(1/g²), u = m̂/g² = 1/g, the Adam direction is g/(|g| + ε_g) and the output
     * is (1/g)·‖a‖/‖u‖ with ‖a‖ = √n/(1 + ε_g) up to ε_g·|g|.
     */
    @ParameterizedTest
    @CsvSource({"DOUBLE, 1e-12", "FLOAT, 1e-6"})
    void rankOneStatisticRemovesEveryEdge(DataType type, double tolerance) {
        double[][] g = {{1, -2}, {2, 0.5}, {-1, 4}};
        ScaleBySonew sonew = new ScaleBySonew(BETA1, BETA2, 0.0, GRAFT_EPSILON, 1);
        Params zero = params(new double[3][2], new double[2], type);
        ScaleBySonew.State state = sonew.init(zero);
        Params updates = params(g, new double[] {1, 1}, type);
        sonew.update(updates, state, zero);
        double inverseSquares = 0;
        double adamSquares = 0;
        for (double[] row : g) {
            for (double v : row) {
                inverseSquares += 1 / (v * v);
                double a = v / (Math.abs(v) + GRAFT_EPSILON);
                adamSquares += a * a;
            }
        }
        double graft = Math.sqrt(adamSquares) / (Math.sqrt(inverseSquares) + 1e-12);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(graft / g[i][j], updates.value(0).getDouble(i, j), tolerance, "w " + i + "," + j);
            }
        }
    }
}
