package org.optbench.submissions.precondition;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The inverse p-th root of a ridged symmetric positive semi-definite matrix, as Shampoo's preconditioner
 * (Google {@code distributed_shampoo} with {@code eigh=True}):
 *
 * <pre>
 *   S = U diag(e) Uᵀ                       (symmetric eigendecomposition, float64, LAPACK syev)
 *   ε_eff = ε · λ_max(S)   (relative)   or   ε   (absolute)
 *   P = U diag(max(e + ε_eff, ε_eff)^(−1/p)) Uᵀ  = (S + ε_eff I)^(−1/p)  for PSD S
 * </pre>
 *
 * λ_max is the largest eigenvalue of the decomposition itself (the reference estimates it by power iteration).
 * Negative eigenvalues, which rounding can give a PSD statistic, are clamped to zero before the ridge. Allocates;
 * it runs every {@code preconditioning_compute_steps} steps, not every step.
 */
public final class InverseRoot {
    private InverseRoot() {
    }

    /**
     * {@code (S + ε_eff I)^(−1/p)} in float64.
     *
     * @param statistic a symmetric d×d matrix (any floating type; read only)
     * @param epsilon the ridge ε, relative to λ_max(S) when {@code relative}
     * @param relative whether the ridge scales with the largest eigenvalue
     * @param p the root, at least 1
     * @return a new d×d float64 matrix; entries are NaN when the statistic was not finite
     */
    public static INDArray of(INDArray statistic, double epsilon, boolean relative, int p) {
        int d = (int) statistic.rows();
        if (statistic.rank() != 2 || statistic.columns() != d) {
            throw new IllegalArgumentException("statistic must be square, got " + java.util.Arrays.toString(statistic.shape()));
        }
        INDArray vectors = statistic.castTo(DataType.DOUBLE).dup('c');
        INDArray values = Nd4j.create(DataType.DOUBLE, d);
        int info = Nd4j.getBlasWrapper().lapack().syev('V', 'U', vectors, values);
        if (info != 0) {
            return Nd4j.valueArrayOf(new long[] {d, d}, Double.NaN, DataType.DOUBLE);
        }
        TensorBuffer eigenvalues = TensorBuffer.of(values);
        double lambdaMax = 0;
        for (int i = 0; i < d; i++) {
            lambdaMax = Math.max(lambdaMax, eigenvalues.get(i));
        }
        double ridge = relative ? epsilon * lambdaMax : epsilon;
        double[] weights = new double[d];
        for (int j = 0; j < d; j++) {
            double e = Math.max(eigenvalues.get(j), 0.0) + ridge;
            weights[j] = Math.pow(Math.max(e, ridge), -1.0 / p);
        }
        INDArray scaled = vectors.dup('c');
        TensorBuffer entries = TensorBuffer.of(scaled);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                entries.set(i * d + j, entries.get(i * d + j) * weights[j]);
            }
        }
        INDArray root = Nd4j.create(DataType.DOUBLE, new long[] {d, d}, 'c');
        Nd4j.gemm(scaled, vectors, root, false, true, 1.0, 0.0);
        return root;
    }

    /** Whether every entry is finite. */
    static boolean isFinite(INDArray matrix) {
        TensorBuffer b = TensorBuffer.of(matrix);
        for (int i = 0; i < b.length(); i++) {
            if (!Double.isFinite(b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
