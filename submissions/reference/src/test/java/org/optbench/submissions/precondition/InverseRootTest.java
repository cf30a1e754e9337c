package org.optbench.submissions.precondition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class InverseRootTest {

    @Test
    void twoByTwoMatchesTheClosedForm() {
        // S = [[2,1],[1,2]] has eigenvalues 3 (along (1,1)/√2) and 1 (along (1,−1)/√2); ε_eff = ε·3.
        double epsilon = 1e-3;
        INDArray root = InverseRoot.of(Dense.array(new double[][] {{2, 1}, {1, 2}}), epsilon, true, 4);
        double high = Math.pow(3 + 3 * epsilon, -0.25);
        double low = Math.pow(1 + 3 * epsilon, -0.25);
        double[][] expected = {{(high + low) / 2, (high - low) / 2}, {(high - low) / 2, (high + low) / 2}};
        assertTrue(Dense.maxAbsDifference(expected, Dense.matrix(root)) < 1e-14, root.toString());
    }

    @Test
    void absoluteRidgeAddsEpsilonItself() {
        // diag(4, 9), absolute ε = 7: (diag(11, 16))^(−1/2) = diag(1/√11, 1/4).
        INDArray root = InverseRoot.of(Dense.array(new double[][] {{4, 0}, {0, 9}}), 7, false, 2);
        assertEquals(1 / Math.sqrt(11), root.getDouble(0, 0), 1e-15);
        assertEquals(0.25, root.getDouble(1, 1), 1e-15);
        assertEquals(0, root.getDouble(0, 1), 1e-15);
    }

    @Test
    void rootToThePowerPInvertsTheRidgedStatistic() {
        Random random = new Random(7);
        for (int p : new int[] {2, 4}) {
            double[][] g = Dense.random(random, 6, 9);
            double[][] s = Dense.multiply(g, Dense.transpose(g));
            double epsilon = 1e-4;
            double ridge = epsilon * Dense.maxEigenvalue(s);
            double[][] ridged = Dense.combine(1, s, ridge, Dense.identity(6));
            double[][] root = Dense.matrix(InverseRoot.of(Dense.array(s), epsilon, true, p));
            double[][] power = Dense.identity(6);
            for (int k = 0; k < p; k++) {
                power = Dense.multiply(power, root);
            }
            double[][] product = Dense.multiply(power, ridged);
            assertTrue(Dense.maxAbsDifference(Dense.identity(6), product) < 1e-9, "p=" + p);
            assertTrue(Dense.maxAbsDifference(root, Dense.transpose(root)) < 1e-12);
        }
    }

    @Test
    void singularStatisticGetsTheRidgeOnItsNullSpace() {
        // rank-one S = v vᵀ with |v|² = 5: eigenvalue 5 along v, 0 elsewhere; relative ε: ε_eff = 5ε.
        double[][] s = {{1, 2}, {2, 4}};
        double epsilon = 1e-2;
        double[][] root = Dense.matrix(InverseRoot.of(Dense.array(s), epsilon, true, 2));
        double along = Math.pow(5 + 5 * epsilon, -0.5);
        double across = Math.pow(5 * epsilon, -0.5);
        // P = along·v vᵀ/5 + across·w wᵀ/5 with w = (2, −1)
        double[][] expected = {{(along * 1 + across * 4) / 5, (along * 2 - across * 2) / 5},
            {(along * 2 - across * 2) / 5, (along * 4 + across * 1) / 5}};
        assertTrue(Dense.maxAbsDifference(expected, root) < 1e-12);
        assertEquals(DataType.DOUBLE, InverseRoot.of(Dense.array(s).castTo(DataType.FLOAT), epsilon, true, 2).dataType());
    }
}
