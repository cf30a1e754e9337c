package org.optbench.submissions.precondition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.ParameterType;
import org.optbench.api.Params;

class SketchyTest {

    private static double[][] sketchGram(FrequentDirections sketch) {
        double[][] u = Dense.matrix(sketch.basis());
        int d = u.length;
        double[][] b = new double[d][sketch.rank()];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < sketch.rank(); j++) {
                b[i][j] = u[i][j] * sketch.singularValue(j);
            }
        }
        return Dense.multiply(b, Dense.transpose(b));
    }

    /** Both Gram paths: m = 2 (d = 7 &gt; k + m = 5, Mᵀ M) and m = 6 (d ≤ k + m, M Mᵀ). */
    @Test
    void frequentDirectionsMeetsItsBoundAgainstTheExactEmaStatistic() {
        for (int m : new int[] {2, 6}) {
            Random random = new Random(21);
            int d = 7;
            double beta2 = 0.9;
            FrequentDirections sketch = new FrequentDirections(d, m, 3, DataType.DOUBLE);
            double[][] exact = new double[d][d];
            for (int step = 0; step < 12; step++) {
                double[][] g = Dense.random(random, d, m);
                exact = Dense.combine(beta2, exact, 1, Dense.multiply(g, Dense.transpose(g)));
                sketch.update(Dense.array(g), false, beta2, 1e-7, 4);
                double[][] difference = Dense.combine(1, exact, -1, sketchGram(sketch));
                double rho = sketch.escapedMass();
                assertTrue(Dense.minEigenvalue(difference) >= -1e-9, "S − BBᵀ ≽ 0 at step " + step + ", m " + m);
                assertTrue(Dense.maxEigenvalue(difference) <= rho + 1e-9, "S − BBᵀ ≼ ρI at step " + step + ", m " + m);
                double[][] u = Dense.matrix(sketch.basis());
                double[][] gramOfBasis = Dense.multiply(Dense.transpose(u), u);
                double[][] mask = new double[3][3];
                for (int j = 0; j < 3; j++) {
                    mask[j][j] = sketch.singularValue(j) > 0 ? 1 : 0;
                }
                assertTrue(Dense.maxAbsDifference(mask, gramOfBasis) < 1e-9, "Uᵀ U = diag(σ > 0), m " + m);
            }
            assertTrue(sketch.escapedMass() > 0, "rank 3 < 7 must escape mass");
        }
    }

    /** Float32, on the Mᵀ M path (d = 40 &gt; k + m = 8): the bound holds to float precision (1e−4 of ‖S‖). */
    @Test
    void float32SketchMeetsTheBoundToFloatPrecision() {
        Random random = new Random(12);
        int d = 40;
        FrequentDirections sketch = new FrequentDirections(d, 3, 5, DataType.FLOAT);
        double[][] exact = new double[d][d];
        for (int step = 0; step < 20; step++) {
            double[][] g = Dense.random(random, d, 3);
            INDArray single = Dense.array(g).castTo(DataType.FLOAT);
            double[][] rounded = Dense.matrix(single);
            exact = Dense.combine(0.95, exact, 1, Dense.multiply(rounded, Dense.transpose(rounded)));
            sketch.update(single, false, 0.95, 1e-7, 4);
        }
        double scale = Dense.maxEigenvalue(exact);
        double[][] difference = Dense.combine(1, exact, -1, sketchGram(sketch));
        assertTrue(Dense.minEigenvalue(difference) >= -1e-4 * scale);
        assertTrue(Dense.maxEigenvalue(difference) <= sketch.escapedMass() + 1e-4 * scale);
        assertTrue(sketch.escapedMass() > 1e-2 * scale, "mass escapes at rank 5 of 40");
    }

    /** The transposed unfolding (m×d) gives the same sketch as the d×m one, on the Mᵀ M path. */
    @Test
    void transposedGradientGivesTheSameSketch() {
        Random random = new Random(6);
        FrequentDirections direct = new FrequentDirections(9, 2, 3, DataType.DOUBLE);
        FrequentDirections transposed = new FrequentDirections(9, 2, 3, DataType.DOUBLE);
        for (int step = 0; step < 4; step++) {
            double[][] g = Dense.random(random, 9, 2);
            direct.update(Dense.array(g), false, 0.99, 1e-7, 4);
            transposed.update(Dense.array(Dense.transpose(g)), true, 0.99, 1e-7, 4);
        }
        assertTrue(Dense.maxAbsDifference(sketchGram(direct), sketchGram(transposed)) < 1e-12);
        assertEquals(direct.escapedMass(), transposed.escapedMass(), 1e-12);
    }

    @Test
    void fullRankSketchIsExactEmaShampoo() {
        Random random = new Random(8);
        double beta2 = 0.95;
        double epsilon = 1e-4;
        int m = 4;
        int n = 3;
        FrequentDirections left = new FrequentDirections(m, n, 5, DataType.DOUBLE);
        FrequentDirections right = new FrequentDirections(n, m, 5, DataType.DOUBLE);
        double[][] sl = new double[m][m];
        double[][] sr = new double[n][n];
        double[][] g = null;
        for (int step = 0; step < 3; step++) {
            g = Dense.random(random, m, n);
            sl = Dense.combine(beta2, sl, 1, Dense.multiply(g, Dense.transpose(g)));
            sr = Dense.combine(beta2, sr, 1, Dense.multiply(Dense.transpose(g), g));
            left.update(Dense.array(g), false, beta2, epsilon, 4);
            right.update(Dense.array(g), true, beta2, epsilon, 4);
        }
        assertEquals(0.0, left.escapedMass());
        double ridgeL = epsilon * Dense.maxEigenvalue(sl);
        double ridgeR = epsilon * Dense.maxEigenvalue(sr);
        double[][] expected = Dense.multiply(Dense.multiply(Dense.function(sl, e -> Math.pow(e + ridgeL, -0.25)), g),
                Dense.function(sr, e -> Math.pow(e + ridgeR, -0.25)));
        INDArray a = Dense.array(g);
        left.apply(a, false, Nd4j.create(DataType.DOUBLE, m, n));
        right.apply(a, true, Nd4j.create(DataType.DOUBLE, m, n));
        assertTrue(Dense.maxAbsDifference(expected, Dense.matrix(a)) < 1e-9, a.toString());
    }

    @Test
    void sketchyLinkGraftsTheSketchedDirectionToTheRmsPropNorm() {
        Random random = new Random(4);
        double beta2 = 0.99;
        double[][] g = Dense.random(random, 5, 4);
        double[] bias = {0.5, -0.25, 2.0, 1.0};
        Params updates = Params.builder().add("w", ParameterType.WEIGHT, Dense.array(g))
                .add("b", ParameterType.BIAS, Nd4j.createFromArray(bias)).build();
        ScaleBySketchy sketchy = new ScaleBySketchy(beta2, 1e-7, 1e-23, 8, 0);
        ScaleBySketchy.State state = sketchy.init(updates);
        sketchy.update(updates, state, updates);
        // First step, rank ≥ dims: D = (GGᵀ + ε_L I)^(−1/4) G (GᵀG + ε_R I)^(−1/4); graft = g/√((1−β2)g² + 1e−23).
        double[][] gg = Dense.multiply(g, Dense.transpose(g));
        double[][] ggT = Dense.multiply(Dense.transpose(g), g);
        double ridgeL = 1e-7 * Dense.maxEigenvalue(gg);
        double ridgeR = 1e-7 * Dense.maxEigenvalue(ggT);
        double[][] direction = Dense.multiply(Dense.multiply(Dense.function(gg, e -> e > 1e-9 ? Math.pow(e + ridgeL, -0.25) : 0), g),
                Dense.function(ggT, e -> Math.pow(e + ridgeR, -0.25)));
        double graftNorm = Math.sqrt(20 / (1 - beta2));
        double directionNorm = Math.sqrt(sumSquares(direction));
        double[][] out = Dense.matrix(updates.value(0));
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(direction[i][j] * graftNorm / directionNorm, out[i][j], 1e-9 * graftNorm);
            }
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(Math.signum(bias[i]) / Math.sqrt(1 - beta2), updates.value(1).getDouble(i), 1e-9);
        }
    }

    private static double sumSquares(double[][] a) {
        double s = 0;
        for (double[] row : a) {
            for (double v : row) {
                s += v * v;
            }
        }
        return s;
    }

    @Test
    void sketchesTakeAFractionOfShampoosStatisticsOnALargeMatrix() {
        Params params = Params.builder().add("w", ParameterType.WEIGHT, Nd4j.zeros(DataType.FLOAT, 1024, 1024)).build();
        long sketchy = new ScaleBySketchy(0.999, 1e-7, 1e-23, 64, 0).init(params).stateBytes();
        ShampooPreconditioner.State statistics = new ShampooPreconditioner(0.999, 1e-6, 1024, 0, 10).init(params);
        long shampooStatistics = statistics.stateBytes();
        long shampooOptimizer = new ShampooDirection(new ShampooPreconditioner(0.999, 1e-6, 1024, 0, 10),
                0.9, 0.999, 1e-8, 0, 0, true).init(params).stateBytes();
        long n = 1024L * 1024;
        // Shampoo: L, R, and their roots, 4·1024² floats; the full optimizer adds the graft moment and 2 momenta.
        assertEquals(4 * n * 4, shampooStatistics);
        assertEquals(7 * n * 4, shampooOptimizer);
        // Sketchy: per axis U (1024×64) in float; σ, inv (64 each), ρ and inv_tail in double; plus the graft's n.
        long perAxis = 4L * 1024 * 64 + 8L * (2 * 64 + 2);
        assertEquals(n * 4 + 2 * perAxis, sketchy);
        long sketches = sketchy - n * 4;
        assertTrue(sketches <= 0.25 * shampooStatistics, "sketches " + sketches + " vs " + shampooStatistics);
        // The whole Sketchy optimizer (sketches, RMSProp graft n, momentum n) against the whole Shampoo (7n):
        long sketchyOptimizer = sketchy + n * 4;
        assertTrue(sketchyOptimizer < 0.31 * shampooOptimizer, sketchyOptimizer + " vs " + shampooOptimizer);
    }
}
