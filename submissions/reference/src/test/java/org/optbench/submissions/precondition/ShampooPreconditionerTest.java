package org.optbench.submissions.precondition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.ParameterType;
import org.optbench.api.Params;

class ShampooPreconditionerTest {
    private static final double BETA2 = 0.9;
    private static final double EPSILON = 1e-3;

    /** The EMA statistic started at εI: β2^t·εI + (1−β2)Σ β2^(t−s) X_s. */
    private static double[][] emaStatistic(List<double[][]> outerProducts) {
        int d = outerProducts.get(0).length;
        double[][] s = Dense.combine(EPSILON, Dense.identity(d), 0, Dense.identity(d));
        for (double[][] x : outerProducts) {
            s = Dense.combine(BETA2, s, 1 - BETA2, x);
        }
        return s;
    }

    /** (S + ε·λ_max(S)·I)^(−1/p) by the test's own Jacobi solver. */
    private static double[][] root(double[][] s, int p) {
        double ridge = EPSILON * Dense.maxEigenvalue(s);
        return Dense.function(s, e -> Math.pow(e + ridge, -1.0 / p));
    }

    private static Params matrixParams(double[][] g) {
        return Params.builder().add("w", ParameterType.WEIGHT, Dense.array(g)).build();
    }

    @Test
    void oneBlockEqualsFullMatrixShampoo() {
        Random random = new Random(11);
        ShampooPreconditioner shampoo = new ShampooPreconditioner(BETA2, EPSILON, 0, 0, 1);
        double[][] first = Dense.random(random, 5, 3);
        ShampooPreconditioner.State state = shampoo.init(matrixParams(first));
        List<double[][]> lefts = new java.util.ArrayList<>();
        List<double[][]> rights = new java.util.ArrayList<>();
        for (int step = 0; step < 3; step++) {
            double[][] g = step == 0 ? first : Dense.random(random, 5, 3);
            lefts.add(Dense.multiply(g, Dense.transpose(g)));
            rights.add(Dense.multiply(Dense.transpose(g), g));
            Params updates = matrixParams(g);
            shampoo.update(updates, state, updates);
            double[][] expected = Dense.multiply(Dense.multiply(root(emaStatistic(lefts), 4), g),
                    root(emaStatistic(rights), 4));
            assertTrue(Dense.maxAbsDifference(expected, Dense.matrix(updates.value(0))) < 1e-9, "step " + step);
        }
        assertEquals(3, state.count());
    }

    @Test
    void vectorGetsMinusOneHalfFromOneStatistic() {
        ShampooPreconditioner shampoo = new ShampooPreconditioner(BETA2, EPSILON, 0, 0, 1);
        double[] g = {0.5, -1.0, 2.0, 0.25};
        Params updates = Params.builder().add("b", ParameterType.BIAS, Nd4j.createFromArray(g)).build();
        ShampooPreconditioner.State state = shampoo.init(updates);
        shampoo.update(updates, state, updates);
        double[][] column = Dense.transpose(new double[][] {g});
        double[][] expected = Dense.multiply(root(emaStatistic(List.<double[][]>of(Dense.multiply(column, Dense.transpose(column)))), 2),
                column);
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i][0], updates.value(0).getDouble(i), 1e-12);
        }
        assertEquals(1, state.layout(0).order());
        assertEquals(16, state.right(0, 0).length());
    }

    @Test
    void blocksArePreconditionedIndependently() {
        BlockLayout layout = BlockLayout.of(new long[] {5, 3}, 2, 0);
        assertEquals(List.of(new BlockLayout.Block(0, 2, 0, 2), new BlockLayout.Block(0, 2, 2, 1),
                new BlockLayout.Block(2, 2, 0, 2), new BlockLayout.Block(2, 2, 2, 1),
                new BlockLayout.Block(4, 1, 0, 2), new BlockLayout.Block(4, 1, 2, 1)), layout.blocks());

        Random random = new Random(5);
        double[][] g = Dense.random(random, 5, 3);
        ShampooPreconditioner shampoo = new ShampooPreconditioner(BETA2, EPSILON, 2, 0, 1);
        Params updates = matrixParams(g);
        ShampooPreconditioner.State state = shampoo.init(updates);
        shampoo.update(updates, state, updates);
        double[][] out = Dense.matrix(updates.value(0));
        for (BlockLayout.Block b : layout.blocks()) {
            double[][] block = new double[b.rows()][b.cols()];
            for (int r = 0; r < b.rows(); r++) {
                for (int c = 0; c < b.cols(); c++) {
                    block[r][c] = g[b.row0() + r][b.col0() + c];
                }
            }
            double[][] expected = Dense.multiply(Dense.multiply(
                    root(emaStatistic(List.<double[][]>of(Dense.multiply(block, Dense.transpose(block)))), 4), block),
                    root(emaStatistic(List.<double[][]>of(Dense.multiply(Dense.transpose(block), block))), 4));
            for (int r = 0; r < b.rows(); r++) {
                for (int c = 0; c < b.cols(); c++) {
                    assertEquals(expected[r][c], out[b.row0() + r][b.col0() + c], 1e-12, b.toString());
                }
            }
        }
    }

    @Test
    void rootsAreRecomputedOnlyEveryComputeSteps() {
        Random random = new Random(9);
        ShampooPreconditioner shampoo = new ShampooPreconditioner(BETA2, EPSILON, 0, 0, 2);
        double[][] g0 = Dense.random(random, 3, 2);
        double[][] g1 = Dense.random(random, 3, 2);
        Params updates = matrixParams(g0);
        ShampooPreconditioner.State state = shampoo.init(updates);
        shampoo.update(updates, state, updates);
        Params second = matrixParams(g1);
        shampoo.update(second, state, second);
        // step c = 1: statistics include g1, but the roots are still those computed at c = 0 from g0 alone.
        double[][] left = root(emaStatistic(List.<double[][]>of(Dense.multiply(g0, Dense.transpose(g0)))), 4);
        double[][] right = root(emaStatistic(List.<double[][]>of(Dense.multiply(Dense.transpose(g0), g0))), 4);
        double[][] expected = Dense.multiply(Dense.multiply(left, g1), right);
        assertTrue(Dense.maxAbsDifference(expected, Dense.matrix(second.value(0))) < 1e-12);
        double[][] statistic = emaStatistic(List.<double[][]>of(Dense.multiply(g0, Dense.transpose(g0)),
                Dense.multiply(g1, Dense.transpose(g1))));
        assertTrue(Dense.maxAbsDifference(statistic, Dense.matrix(state.left(0, 0))) < 1e-14);
    }

    @Test
    void shapeInterpretationMergesOnlyWhenAsked() {
        BlockLayout plain = BlockLayout.of(new long[] {6, 4}, 0, 0);
        assertEquals(2, plain.order());
        assertEquals(6, plain.rows());
        BlockLayout merged = BlockLayout.of(new long[] {6, 4}, 0, 4096);
        assertEquals(1, merged.order());
        assertEquals(24, merged.cols());
        BlockLayout conv = BlockLayout.of(new long[] {8, 4, 3, 3}, 0, 0);
        assertEquals(8, conv.rows());
        assertEquals(36, conv.cols());
        BlockLayout convMerged = BlockLayout.of(new long[] {8, 4, 3, 3}, 0, 32);
        assertEquals(32, convMerged.rows());
        assertEquals(9, convMerged.cols());
        assertFalse(BlockLayout.of(new long[] {}, 0, 0).preconditioned());
        assertFalse(BlockLayout.of(new long[] {5000, 8}, 256, 0, 4096).preconditioned());
        assertTrue(BlockLayout.of(new long[] {4096, 8}, 256, 0, 4096).preconditioned());
        assertEquals(List.of(new BlockLayout.Block(0, 1, 0, 4), new BlockLayout.Block(0, 1, 4, 4),
                new BlockLayout.Block(0, 1, 8, 2)), BlockLayout.of(new long[] {10}, 4, 0).blocks());
    }

    @Test
    void float32FollowsTheParameters() {
        Random random = new Random(2);
        double[][] g = Dense.random(random, 4, 3);
        ShampooPreconditioner shampoo = new ShampooPreconditioner(BETA2, EPSILON, 0, 0, 1);
        Params updates = Params.builder().add("w", ParameterType.WEIGHT, Dense.array(g).castTo(DataType.FLOAT)).build();
        ShampooPreconditioner.State state = shampoo.init(updates);
        shampoo.update(updates, state, updates);
        INDArray out = updates.value(0);
        assertEquals(DataType.FLOAT, out.dataType());
        assertEquals(DataType.FLOAT, state.left(0, 0).dataType());
        double[][] expected = Dense.multiply(Dense.multiply(
                root(emaStatistic(List.<double[][]>of(Dense.multiply(g, Dense.transpose(g)))), 4), g),
                root(emaStatistic(List.<double[][]>of(Dense.multiply(Dense.transpose(g), g))), 4));
        assertTrue(Dense.maxAbsDifference(expected, Dense.matrix(out)) < 1e-4);
        assertEquals(4L * (16 + 16 + 9 + 9), state.stateBytes());
    }
}
