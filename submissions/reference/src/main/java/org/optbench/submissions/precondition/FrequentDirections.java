package org.optbench.submissions.precondition;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A rank-k Frequent Directions sketch of one Kronecker factor {@code S = Σ_s β2^(t−s) G_s G_sᵀ} (d×d) and the
 * Sketchy preconditioner built from it (Feinberg et al. 2023, arXiv 2302.03764; tearfree {@code sketchy.py}
 * {@code _update_axis}, {@code OPTIMIZERS.md} 6a), with the escaped mass decayed by β2 as in the paper.
 *
 * <pre>
 *   M = [√β2·U·diag(σ), G]  (d × (k+m));   s_1 ≥ s_2 ≥ …  its singular values, u_j its left singular vectors
 *   cutoff² = s_{k+1}² (0 when k ≥ d);   σ_j = √(s_j² − cutoff²),  U = [u_1 … u_k]   (columns with σ_j = 0 zeroed)
 *   ρ ← β2·ρ + cutoff²                                             (so that 0 ≼ S − U σ² Uᵀ ≼ ρ I)
 *   λ_j = s_j² + β2·ρ_old (= σ_j² + ρ);  ε_eff = ε·max_j λ_j
 *   inv_j = (λ_j + ε_eff)^(−1/p) where σ_j &gt; 0, else 0;   inv_tail = (ρ + ε_eff)^(−1/p) if ρ &gt; 0, else 0
 *   P = U diag(inv) Uᵀ + inv_tail·(I − U Uᵀ)
 * </pre>
 *
 * The singular values and left vectors of M come from a symmetric eigendecomposition ({@link SymmetricKernels},
 * LAPACK syevd; FD needs only s² and the left vectors) of the smaller Gram matrix:
 * <ul>
 *   <li>d ≤ k+m: {@code M Mᵀ = β2·U σ² Uᵀ + G Gᵀ} (d×d), built by two gemm calls without forming M; its
 *       eigenvectors are the u_j. Cost O(d²m + d³).</li>
 *   <li>d &gt; k+m: {@code Mᵀ M} ((k+m)×(k+m)) from M written into a reused buffer; its eigenvectors v_j give
 *       {@code u_j = M v_j / s_j}. Cost O(d(k+m)² + (k+m)³). Directions with tiny s_j lose orthogonality in this
 *       form (relative error ~ machine ε·s_1/s_j), which only touches directions of negligible weight.</li>
 * </ul>
 * The workspace (Gram matrix, M in the second case, and heap copies through which the entry loops run in bulk)
 * belongs to the sketch and is not counted as state; LAPACK's own work array is allocated by LAPACKE on each call.
 *
 * <p>State: U (d×k) and σ (k) in the parameters' type; inv (k), ρ and inv_tail in double.
 */
public final class FrequentDirections {
    private final int dimension;
    private final int rank;
    private final INDArray basis;
    private final double[] singular;
    private final double[] inverse;
    private double escapedMass;
    private double inverseTail;
    private final INDArray scaledBasis;
    private final INDArray values;
    private final int other;
    private final boolean wide;
    private final INDArray gram;
    private final INDArray stacked;
    private final INDArray topVectors;
    private final double[] basisValues;
    private final double[] scaledValues;
    private final double[] eigenvalueValues;
    private final double[] rowValues;
    private final double[] topValues;
    private final double[] gradientValues;
    private final double[] stackedValues;
    private final double[] coefficientValues;

    /**
     * An empty sketch.
     *
     * @param dimension d
     * @param other m, the product of the gradient's other dimensions
     * @param rank the requested rank; the sketch keeps k = min(d, rank)
     * @param type the parameters' data type
     */
    public FrequentDirections(int dimension, int other, int rank, DataType type) {
        this.dimension = dimension;
        this.rank = Math.min(dimension, rank);
        this.basis = Nd4j.zeros(type, dimension, this.rank);
        this.singular = new double[this.rank];
        this.inverse = new double[this.rank];
        this.scaledBasis = Nd4j.zeros(type, dimension, this.rank);
        this.other = other;
        int columns = this.rank + other;
        this.wide = dimension > columns;
        int size = wide ? columns : dimension;
        this.values = Nd4j.create(type, size);
        this.gram = Nd4j.create(type, size, size);
        this.stacked = wide ? Nd4j.create(type, dimension, columns) : null;
        this.topVectors = wide ? Nd4j.create(type, columns, this.rank) : null;
        this.basisValues = new double[dimension * this.rank];
        this.scaledValues = new double[dimension * this.rank];
        this.eigenvalueValues = new double[size];
        this.rowValues = new double[this.rank];
        this.topValues = wide ? new double[columns * this.rank] : null;
        this.gradientValues = wide ? new double[dimension * other] : null;
        this.stackedValues = wide ? new double[dimension * columns] : null;
        this.coefficientValues = new double[this.rank * other];
    }

    /** d. */
    public int dimension() {
        return dimension;
    }

    /** k = min(d, rank). */
    public int rank() {
        return rank;
    }

    /** The sketch's basis U (d×k; live, do not change). */
    public INDArray basis() {
        return basis;
    }

    /** σ_j, the sketch's singular values: B = U·diag(σ). */
    public double singularValue(int j) {
        return singular[j];
    }

    /** ρ, the escaped mass. */
    public double escapedMass() {
        return escapedMass;
    }

    /**
     * The bytes of U (d×k, the parameters' type) and of σ, inv (k each), ρ and inv_tail, kept in double: the
     * {@code dk + 2k + 2} numbers of {@code OPTIMIZERS.md} 6 for one axis. The workspace is not counted.
     */
    public long stateBytes() {
        return (long) dimension * rank * basis.dataType().width() + (2L * rank + 2) * Double.BYTES;
    }

    /**
     * Adds the unfolded gradient to the sketch and refreshes the preconditioner.
     *
     * @param gradient the gradient, either d×m ({@code transposed} false) or m×d ({@code transposed} true)
     * @param transposed whether the gradient's columns, not its rows, run along this axis
     * @param beta2 the decay of S
     * @param epsilon the relative ridge ε
     * @param root p, the inverse root (2·order)
     */
    public void update(INDArray gradient, boolean transposed, double beta2, double epsilon, int root) {
        int d = dimension;
        int k = rank;
        double decay = Math.sqrt(beta2);
        double[] b = basisValues;
        double[] scaled = scaledValues;
        TensorBuffer.read(basis, b, d * k);
        for (int row = 0; row < d; row++) {
            for (int j = 0; j < k; j++) {
                int index = row * k + j;
                scaled[index] = b[index] * decay * singular[j];
            }
        }
        if (wide) {
            fillStacked(gradient, transposed);
            Nd4j.gemm(stacked, stacked, gram, true, false, 1.0, 0.0);
        } else {
            TensorBuffer.write(scaled, d * k, scaledBasis);
            Nd4j.gemm(gradient, gradient, gram, transposed, !transposed, 1.0, 0.0);
            Nd4j.gemm(scaledBasis, scaledBasis, gram, false, true, 1.0, 1.0);
        }
        int info = SymmetricKernels.eigen(gram, values);
        if (info != 0) {
            throw new IllegalStateException("symmetric eigendecomposition failed (LAPACK info " + info + ")");
        }
        // ascending eigenvalues, eigenvectors in the columns of gram: the top k are each row's last k entries
        int size = (int) values.length();
        double[] eigenvalues = eigenvalueValues;
        TensorBuffer.read(values, eigenvalues, size);
        double cutoffSquared = k < size ? Math.max(eigenvalues[size - k - 1], 0.0) : 0.0;
        double previousMass = escapedMass;
        escapedMass = beta2 * previousMass + cutoffSquared;
        double[] row = rowValues;
        if (wide) {
            double[] top = topValues;
            for (int r = 0; r < size; r++) {
                TensorBuffer.readRange(gram, r * size + size - k, row, 0, k);
                for (int j = 0; j < k; j++) {
                    top[r * k + j] = row[k - 1 - j];
                }
            }
            TensorBuffer.write(top, size * k, topVectors);
            // left singular vectors, unnormalised: M v_j = s_j u_j
            Nd4j.gemm(stacked, topVectors, scaledBasis, false, false, 1.0, 0.0);
            TensorBuffer.read(scaledBasis, scaled, d * k);
        } else {
            for (int r = 0; r < d; r++) {
                TensorBuffer.readRange(gram, r * d + d - k, row, 0, k);
                for (int j = 0; j < k; j++) {
                    scaled[r * k + j] = row[k - 1 - j];
                }
            }
        }
        double largest = 0;
        for (int j = 0; j < k; j++) {
            double top = Math.max(eigenvalues[size - 1 - j], 0.0);
            double deflated = top - cutoffSquared;
            double sigma = deflated > 0 ? Math.sqrt(deflated) : 0.0;
            singular[j] = sigma;
            double norm = wide && sigma > 0 ? 1.0 / Math.sqrt(top) : 1.0;
            for (int r = 0; r < d; r++) {
                b[r * k + j] = sigma > 0 ? scaled[r * k + j] * norm : 0.0;
            }
            inverse[j] = top + beta2 * previousMass;
            largest = Math.max(largest, inverse[j]);
        }
        TensorBuffer.write(b, d * k, basis);
        double ridge = epsilon * largest;
        for (int j = 0; j < k; j++) {
            inverse[j] = singular[j] > 0 ? Math.pow(inverse[j] + ridge, -1.0 / root) : 0.0;
        }
        inverseTail = escapedMass > 0 ? Math.pow(escapedMass + ridge, -1.0 / root) : 0.0;
    }

    /** M = [√β2·U·diag(σ), G_dm] into the workspace (the scaled basis is in {@code scaledValues}). */
    private void fillStacked(INDArray gradient, boolean transposed) {
        int d = dimension;
        int k = rank;
        int columns = k + other;
        double[] g = gradientValues;
        double[] m = stackedValues;
        TensorBuffer.read(gradient, g, d * other);
        for (int row = 0; row < d; row++) {
            int base = row * columns;
            System.arraycopy(scaledValues, row * k, m, base, k);
            for (int c = 0; c < other; c++) {
                m[base + k + c] = transposed ? g[c * d + row] : g[row * other + c];
            }
        }
        TensorBuffer.write(m, d * columns, stacked);
    }

    /**
     * Multiplies by P in place: {@code A ← P A} ({@code fromRight} false, A is d×m) or {@code A ← A P}
     * ({@code fromRight} true, A is m×d).
     *
     * @param coefficients scratch, k×m (left) or m×k (right), overwritten
     */
    public void apply(INDArray a, boolean fromRight, INDArray coefficients) {
        int k = rank;
        double[] c = coefficientValues;
        int n = (int) coefficients.length();
        if (!fromRight) {
            // A ← U diag(inv − tail) Uᵀ A + tail·A
            Nd4j.gemm(basis, a, coefficients, true, false, 1.0, 0.0);
            TensorBuffer.read(coefficients, c, n);
            int m = (int) a.columns();
            for (int j = 0; j < k; j++) {
                double w = inverse[j] - inverseTail;
                for (int col = 0; col < m; col++) {
                    c[j * m + col] *= w;
                }
            }
            TensorBuffer.write(c, n, coefficients);
            Nd4j.gemm(basis, coefficients, a, false, false, 1.0, inverseTail);
        } else {
            // A ← A U diag(inv − tail) Uᵀ + tail·A
            Nd4j.gemm(a, basis, coefficients, false, false, 1.0, 0.0);
            TensorBuffer.read(coefficients, c, n);
            int m = (int) a.rows();
            for (int row = 0; row < m; row++) {
                for (int j = 0; j < k; j++) {
                    c[row * k + j] *= inverse[j] - inverseTail;
                }
            }
            TensorBuffer.write(c, n, coefficients);
            Nd4j.gemm(coefficients, basis, a, false, true, 1.0, inverseTail);
        }
    }
}
