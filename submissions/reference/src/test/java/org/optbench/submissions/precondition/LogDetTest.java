package org.optbench.submissions.precondition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * SONew's LogDet solves against two independent characterisations of the solution X of
 * {@code min −log det X + tr(XH)} over positive-definite X supported on a band: (1) the optimality conditions —
 * X ≻ 0, X zero off the band, (X⁻¹)_ij = H_ij on the band (checked with a Gauss–Jordan inverse); (2) the
 * chordal-graph formula X = Σ_cliques [H_C⁻¹]⁰ − Σ_separators [H_S⁻¹]⁰ (cliques {i..i+b}, separators {i+1..i+b}).
 */
class LogDetTest {

    /** A statistic Σ g gᵀ + δI from random vectors, so that every principal block is positive definite. */
    private static double[][] statistic(Random random, int n, int samples, double damping) {
        double[][] g = Dense.random(random, n, samples);
        return Dense.combine(1, Dense.multiply(g, Dense.transpose(g)), damping, Dense.identity(n));
    }

    private static double[][] tridiagonalX(double[][] h) {
        int n = h.length;
        double[] diagonal = new double[n];
        double[] off = new double[n - 1];
        for (int i = 0; i < n; i++) {
            diagonal[i] = h[i][i];
            if (i < n - 1) {
                off[i] = h[i][i + 1];
            }
        }
        double[] psi = new double[n];
        double[] inverseVariance = new double[n];
        assertEquals(0, TridiagonalLogDet.factor(diagonal, off, n, psi, inverseVariance));
        return columns(n, (v, u) -> TridiagonalLogDet.apply(psi, inverseVariance, n, v, u));
    }

    private static double[][] bandedX(double[][] h, int b) {
        int n = h.length;
        BandedLogDet solver = new BandedLogDet(b);
        double[] diagonal = new double[n];
        double[] band = new double[n * b];
        for (int i = 0; i < n; i++) {
            diagonal[i] = h[i][i];
            for (int j = 0; j < b && i + j + 1 < n; j++) {
                band[i * b + j] = h[i][i + j + 1];
            }
        }
        double[] psi = new double[n * b];
        int[] neighbours = new int[n];
        double[] inverseVariance = new double[n];
        assertEquals(0, solver.factor(diagonal, band, n, psi, neighbours, inverseVariance));
        double[] work = new double[n];
        return columns(n, (v, u) -> solver.apply(psi, neighbours, inverseVariance, n, v, work, u));
    }

    private interface Apply {
        void apply(double[] v, double[] u);
    }

    /** The dense matrix of a linear map, column by column from unit vectors. */
    private static double[][] columns(int n, Apply map) {
        double[][] x = new double[n][n];
        for (int j = 0; j < n; j++) {
            double[] e = new double[n];
            e[j] = 1;
            double[] u = new double[n];
            map.apply(e, u);
            for (int i = 0; i < n; i++) {
                x[i][j] = u[i];
            }
        }
        return x;
    }

    /** Σ over windows of b+1 of the padded inverse of H on the window, minus the same over windows of b. */
    static double[][] chordalFormula(double[][] h, int b) {
        int n = h.length;
        double[][] x = new double[n][n];
        for (int start = 0; start + b < n; start++) {
            addPaddedInverse(x, h, start, b + 1, 1);
            if (start + b + 1 < n) {
                addPaddedInverse(x, h, start + 1, b, -1);
            }
        }
        return x;
    }

    private static void addPaddedInverse(double[][] x, double[][] h, int start, int size, double sign) {
        double[][] block = new double[size][size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                block[i][j] = h[start + i][start + j];
            }
        }
        double[][] inverse = Dense.inverse(block);
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                x[start + i][start + j] += sign * inverse[i][j];
            }
        }
    }

    private static void assertLogDetOptimal(double[][] h, double[][] x, int b) {
        int n = h.length;
        double[][] inverse = Dense.inverse(x);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (Math.abs(i - j) <= b) {
                    assertEquals(h[i][j], inverse[i][j], 1e-9 * Math.max(1, Math.abs(h[i][j])), "(X⁻¹)" + i + "," + j);
                } else {
                    assertEquals(0.0, x[i][j], 0.0, "X off the band at " + i + "," + j);
                }
            }
        }
        assertTrue(Dense.minEigenvalue(x) > 0, "X positive definite");
        assertTrue(Dense.maxAbsDifference(x, Dense.transpose(x)) < 1e-12, "X symmetric");
    }

    @Test
    void tridiagonalSolveIsTheLogDetSolution() {
        Random random = new Random(1);
        double[][] h = statistic(random, 7, 3, 0.1);
        double[][] x = tridiagonalX(h);
        assertLogDetOptimal(h, x, 1);
        assertTrue(Dense.maxAbsDifference(chordalFormula(h, 1), x) < 1e-10);
    }

    @Test
    void bandedSolveIsTheLogDetSolution() {
        Random random = new Random(2);
        for (int b : new int[] {2, 3}) {
            double[][] h = statistic(random, 8, 2, 0.05);
            double[][] x = bandedX(h, b);
            assertLogDetOptimal(h, x, b);
            assertTrue(Dense.maxAbsDifference(chordalFormula(h, b), x) < 1e-9, "b=" + b);
        }
    }

    @Test
    void bandOfWidthOneIsTheTridiagonalSolve() {
        Random random = new Random(3);
        double[][] h = statistic(random, 6, 2, 0.2);
        assertTrue(Dense.maxAbsDifference(tridiagonalX(h), bandedX(h, 1)) < 1e-13);
    }

    @Test
    void tridiagonalRemovesAnEdgeWhoseConditionalVarianceIsNotPositive() {
        // H = [[1,2,·],[2,1,0.1],[·,0.1,1]]: c_0 = 1 − 2·2/1 = −3 ≤ 0, so edge (0,1) goes: ψ_0 = 0, D_0 = 1.
        // Edge (1,2) stays: ψ_1 = 0.1, c_1 = 1 − 0.01 = 0.99; D_2 = 1.
        double[] psi = new double[3];
        double[] inverseVariance = new double[3];
        int removed = TridiagonalLogDet.factor(new double[] {1, 1, 1}, new double[] {2, 0.1}, 3, psi, inverseVariance);
        assertEquals(1, removed);
        double[][] x = columns(3, (v, u) -> TridiagonalLogDet.apply(psi, inverseVariance, 3, v, u));
        double[][] expected = {{1, 0, 0}, {0, 1 / 0.99, -0.1 / 0.99}, {0, -0.1 / 0.99, 1 + 0.01 / 0.99}};
        assertTrue(Dense.maxAbsDifference(expected, x) < 1e-15);
    }

    @Test
    void bandedDropsFarthestEdgesUntilTheConditionalVarianceIsPositive() {
        // Row 0 with neighbours 1, 2 (b = 2): H[0,1] = 0.1, H[0,2] = 3 on unit diagonal, H[1,2] = 0.
        // Both edges: c_0 = 1 − 0.01 − 9 < 0; dropping the farthest (0,2): c_0 = 1 − 0.01 = 0.99 > 0.
        BandedLogDet solver = new BandedLogDet(2);
        double[] band = {0.1, 3, 0, 0, 0, 0};
        double[] psi = new double[6];
        int[] neighbours = new int[3];
        double[] inverseVariance = new double[3];
        int removed = solver.factor(new double[] {1, 1, 1}, band, 3, psi, neighbours, inverseVariance);
        assertEquals(1, removed);
        assertEquals(1, neighbours[0]);
        assertEquals(0.1, psi[0], 1e-15);
        assertEquals(1 / 0.99, inverseVariance[0], 1e-15);
        double[] work = new double[3];
        double[][] x = columns(3, (v, u) -> solver.apply(psi, neighbours, inverseVariance, 3, v, work, u));
        assertTrue(Dense.minEigenvalue(x) > 0);
        assertEquals(0.0, x[0][2], 0.0);
    }
}
