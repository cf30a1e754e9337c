package org.optbench.submissions.precondition;

/**
 * SONew's tridiagonal LogDet solve (Devvrit et al. 2023, arXiv 2311.10085; {@code OPTIMIZERS.md} 5a) in closed form:
 * the preconditioner {@code X = argmin_{X ≻ 0, X tridiagonal} −log det X + tr(X H)} for the tridiagonal band of a
 * statistic H, i.e. the inverse of H's maximum-determinant positive-definite completion, as {@code X = L D Lᵀ}.
 *
 * <pre>
 *   ψ_i = H[i,i+1] / H[i+1,i+1],   c_i = H[i,i] − H[i,i+1]·ψ_i   (i &lt; n−1),   c_{n−1} = H[n−1,n−1]
 *   edge removal: where c_i ≤ 0, ψ_i = 0 and c_i = H[i,i]
 *   D_i = 1/c_i;  L unit lower bidiagonal with L[i+1,i] = −ψ_i;  X = L D Lᵀ
 * </pre>
 *
 * Then {@code (X⁻¹)_ij = H_ij} for |i−j| ≤ 1 wherever no edge was removed. O(n) time, no allocation.
 */
public final class TridiagonalLogDet {
    private TridiagonalLogDet() {
    }

    /**
     * Factors X.
     *
     * @param diagonal H[i,i], i = 0..n−1 (positive)
     * @param offDiagonal H[i,i+1], i = 0..n−2
     * @param n the dimension
     * @param psi out: ψ_i (0 where the edge was removed), length ≥ n−1
     * @param inverseVariance out: D_i = 1/c_i, length ≥ n
     * @return the number of edges removed
     */
    public static int factor(double[] diagonal, double[] offDiagonal, int n, double[] psi, double[] inverseVariance) {
        int removed = 0;
        for (int i = 0; i < n - 1; i++) {
            double p = offDiagonal[i] / diagonal[i + 1];
            double c = diagonal[i] - offDiagonal[i] * p;
            if (!(c > 0)) {
                p = 0;
                c = diagonal[i];
                removed++;
            }
            psi[i] = p;
            inverseVariance[i] = 1.0 / c;
        }
        inverseVariance[n - 1] = 1.0 / diagonal[n - 1];
        return removed;
    }

    /**
     * {@code u = X v = L D Lᵀ v} for the factors of {@link #factor}.
     *
     * @param v the vector, length ≥ n
     * @param u out (may not alias v), length ≥ n
     */
    public static void apply(double[] psi, double[] inverseVariance, int n, double[] v, double[] u) {
        // z = D Lᵀ v, with (Lᵀ v)_i = v_i − ψ_i v_{i+1}; then u = L z, u_i = z_i − ψ_{i−1} z_{i−1}.
        double previous = 0;
        for (int i = 0; i < n; i++) {
            double w = i < n - 1 ? v[i] - psi[i] * v[i + 1] : v[i];
            double z = inverseVariance[i] * w;
            u[i] = i > 0 ? z - psi[i - 1] * previous : z;
            previous = z;
        }
    }
}
