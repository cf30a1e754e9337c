package org.optbench.submissions.precondition;

import java.nio.DoubleBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.submissions.transform.Elements;

/**
 * The inverse p-th root of a ridged symmetric positive semi-definite matrix, as Shampoo's preconditioner
 * (Google {@code distributed_shampoo} with {@code eigh=True}):
 *
 * <pre>
 *   S = U diag(e) Uᵀ                       (symmetric eigendecomposition in float64: {@link SymmetricKernels})
 *   ε_eff = ε · λ_max(S)   (relative)   or   ε   (absolute)
 *   P = U diag(max(e + ε_eff, ε_eff)^(−1/p)) Uᵀ  = (S + ε_eff I)^(−1/p)  for PSD S
 * </pre>
 *
 * λ_max is the largest eigenvalue of the decomposition itself (the reference estimates it by power iteration).
 * Negative eigenvalues, which rounding can give a PSD statistic, are clamped to zero before the ridge. The
 * decomposition runs in float64 whatever the statistic's type (float32 eigenvectors would spoil the smallest
 * eigenvalues that the ridge keeps). {@link #into} works in a preallocated {@link Workspace}; only LAPACK's own
 * work array is allocated (by ND4J, on each call).
 */
public final class InverseRoot {
    private InverseRoot() {
    }

    /** Float64 buffers for the roots of d×d statistics, reused from one recomputation to the next. */
    public static final class Workspace {
        private final int dimension;
        private final INDArray vectors;
        private final INDArray values;
        private final INDArray scaled;
        private final INDArray root;
        private final double[] entries;
        private final double[] weights;

        /** Buffers for d×d statistics. */
        public Workspace(int dimension) {
            this.dimension = dimension;
            this.vectors = Nd4j.create(DataType.DOUBLE, new long[] {dimension, dimension}, 'c');
            this.values = Nd4j.create(DataType.DOUBLE, dimension);
            this.scaled = Nd4j.create(DataType.DOUBLE, new long[] {dimension, dimension}, 'c');
            this.root = Nd4j.create(DataType.DOUBLE, new long[] {dimension, dimension}, 'c');
            this.entries = new double[dimension * dimension];
            this.weights = new double[dimension];
        }

        /** d. */
        public int dimension() {
            return dimension;
        }
    }

    /**
     * {@code (S + ε_eff I)^(−1/p)} in float64, in a new matrix.
     *
     * @param statistic a symmetric d×d matrix (any floating type; read only; its upper triangle is used)
     * @param epsilon the ridge ε, relative to λ_max(S) when {@code relative}
     * @param relative whether the ridge scales with the largest eigenvalue
     * @param p the root, at least 1
     * @return a new d×d float64 matrix; entries are NaN when the statistic was not finite
     */
    public static INDArray of(INDArray statistic, double epsilon, boolean relative, int p) {
        int d = checkSquare(statistic);
        INDArray target = Nd4j.create(DataType.DOUBLE, new long[] {d, d}, 'c');
        if (!into(statistic, epsilon, relative, p, new Workspace(d), target)) {
            target.assign(Double.NaN);
        }
        return target;
    }

    /**
     * Writes {@code (S + ε_eff I)^(−1/p)} into {@code target} when it is finite; otherwise leaves {@code target}
     * as it was (Shampoo keeps its previous root).
     *
     * @param statistic a symmetric d×d matrix, contiguous in C order (read only; its upper triangle is used)
     * @param workspace buffers for this d
     * @param target the d×d root, contiguous in C order, FLOAT or DOUBLE
     * @return whether the root was finite and written
     */
    public static boolean into(INDArray statistic, double epsilon, boolean relative, int p, Workspace workspace,
            INDArray target) {
        int d = checkSquare(statistic);
        if (workspace.dimension != d) {
            throw new IllegalArgumentException("workspace is for " + workspace.dimension + "x" + workspace.dimension
                    + ", statistic is " + d + "x" + d);
        }
        double[] entries = workspace.entries;
        TensorBuffer.read(statistic, entries, d * d);
        // only the upper triangle is read: Shampoo's statistics maintain only that one
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                entries[i * d + j] = entries[j * d + i];
            }
        }
        TensorBuffer.write(entries, d * d, workspace.vectors);
        int info = SymmetricKernels.eigen(workspace.vectors, workspace.values);
        if (info != 0) {
            return false;
        }
        DoubleBuffer eigenvalues = Elements.doubles(workspace.values);
        int valuesOffset = (int) workspace.values.offset();
        double lambdaMax = 0;
        for (int i = 0; i < d; i++) {
            lambdaMax = Math.max(lambdaMax, eigenvalues.get(valuesOffset + i));
        }
        double ridge = relative ? epsilon * lambdaMax : epsilon;
        double[] weights = workspace.weights;
        for (int j = 0; j < d; j++) {
            double e = Math.max(eigenvalues.get(valuesOffset + j), 0.0) + ridge;
            weights[j] = Math.pow(Math.max(e, ridge), -1.0 / p);
        }
        // scaled = U diag(w): eigenvectors are the columns of the C-order result
        TensorBuffer.read(workspace.vectors, entries, d * d);
        for (int i = 0; i < d; i++) {
            int row = i * d;
            for (int j = 0; j < d; j++) {
                entries[row + j] *= weights[j];
            }
        }
        TensorBuffer.write(entries, d * d, workspace.scaled);
        Nd4j.gemm(workspace.scaled, workspace.vectors, workspace.root, false, true, 1.0, 0.0);
        TensorBuffer.read(workspace.root, entries, d * d);
        for (int i = 0; i < d * d; i++) {
            if (!Double.isFinite(entries[i])) {
                return false;
            }
        }
        TensorBuffer.write(entries, d * d, target);
        return true;
    }

    private static int checkSquare(INDArray statistic) {
        int d = (int) statistic.rows();
        if (statistic.rank() != 2 || statistic.columns() != d) {
            throw new IllegalArgumentException("statistic must be square, got "
                    + java.util.Arrays.toString(statistic.shape()));
        }
        return d;
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
