package org.optbench.submissions.precondition;

/**
 * SONew's banded LogDet solve ({@code OPTIMIZERS.md} 5d): for the band of width b of a statistic H, the
 * preconditioner {@code X = L D Lᵀ} whose inverse matches H on the band (the inverse of H's maximum-determinant
 * completion; a band is a chordal pattern, so this is the LogDet problem's solution).
 *
 * <pre>
 *   N(i) = {i+1, …, min(i+b, n−1)}
 *   solve H[N,N] ψ_i = H[N,i]        (LDLᵀ; Gaussian elimination with partial pivoting if a pivot is ≤ 0)
 *   c_i = H[i,i] − H[i,N]·ψ_i;  D_i = 1/c_i;  L[N,i] = −ψ_i (L unit lower triangular);  X = L D Lᵀ
 * </pre>
 *
 * Edge removal: while c_i ≤ 0 (or the system is singular) the farthest neighbour is dropped from N(i); with none
 * left c_i = H[i,i]. (The init2winit code instead re-weights the farthest edge so that c_i = ε·H[i,i]; this keeps
 * X positive definite the simpler way, like the tridiagonal code.) Band storage: {@code band[i·b + j] = H[i, i+j+1]}.
 * H[N,N] is a principal submatrix of the positive semi-definite statistic plus damping, so the solve first tries
 * an LDLᵀ factorisation without pivoting (b³/6 multiply-adds, no row swaps); only a non-positive pivot, which
 * rounding can give a nearly singular system, sends it to the pivoted elimination. O(n·b³) time, no allocation.
 */
public final class BandedLogDet {
    private final int bandWidth;
    private final double[] system;
    private final double[] rhs;

    /** Scratch for one b×b system. */
    public BandedLogDet(int bandWidth) {
        if (bandWidth < 1) {
            throw new IllegalArgumentException("band width must be at least 1, got " + bandWidth);
        }
        this.bandWidth = bandWidth;
        this.system = new double[bandWidth * bandWidth];
        this.rhs = new double[bandWidth];
    }

    /** The band width b. */
    public int bandWidth() {
        return bandWidth;
    }

    /**
     * Factors X.
     *
     * @param diagonal H[i,i] (positive), length ≥ n
     * @param band H[i,i+j+1] at {@code i·b + j}, length ≥ n·b (entries past the matrix are ignored)
     * @param n the dimension
     * @param psi out: ψ_i at {@code i·b + j}, length ≥ n·b
     * @param neighbours out: |N(i)| kept for each i, length ≥ n
     * @param inverseVariance out: D_i, length ≥ n
     * @return the number of edges removed
     */
    public int factor(double[] diagonal, double[] band, int n, double[] psi, int[] neighbours,
            double[] inverseVariance) {
        int b = bandWidth;
        int removed = 0;
        for (int i = 0; i < n; i++) {
            int size = Math.min(b, n - 1 - i);
            double c = diagonal[i];
            while (size > 0) {
                double conditional = solve(diagonal, band, i, size, psi);
                if (conditional > 0) {
                    c = conditional;
                    break;
                }
                size--;
                removed++;
            }
            neighbours[i] = size;
            for (int j = size; j < b; j++) {
                psi[i * b + j] = 0;
            }
            inverseVariance[i] = 1.0 / c;
        }
        return removed;
    }

    /** Solves H[N,N] ψ = H[N,i] for N = i+1..i+size into psi[i·b…]; returns c_i, or NaN when singular. */
    private double solve(double[] diagonal, double[] band, int i, int size, double[] psi) {
        double c = solveSymmetric(diagonal, band, i, size, psi);
        return Double.isNaN(c) ? solvePivoted(diagonal, band, i, size, psi) : c;
    }

    /**
     * H[N,N] = L D Lᵀ (unit lower L, in the lower triangle of the scratch; D on its diagonal), then ψ by forward
     * substitution, scaling and back substitution; returns c_i, or NaN when some pivot is not positive.
     */
    private double solveSymmetric(double[] diagonal, double[] band, int i, int size, double[] psi) {
        int b = bandWidth;
        double[] a = system;
        for (int p = 0; p < size; p++) {
            int row = i + 1 + p;
            for (int q = 0; q < p; q++) {
                a[p * size + q] = band[(i + 1 + q) * b + (p - q - 1)];
            }
            a[p * size + p] = diagonal[row];
        }
        for (int j = 0; j < size; j++) {
            double pivot = a[j * size + j];
            for (int k = 0; k < j; k++) {
                double l = a[j * size + k];
                pivot -= l * l * a[k * size + k];
            }
            if (!(pivot > 0)) {
                return Double.NaN;
            }
            a[j * size + j] = pivot;
            for (int r = j + 1; r < size; r++) {
                double sum = a[r * size + j];
                for (int k = 0; k < j; k++) {
                    sum -= a[r * size + k] * a[j * size + k] * a[k * size + k];
                }
                a[r * size + j] = sum / pivot;
            }
        }
        int base = i * b;
        for (int p = 0; p < size; p++) {
            double y = band[base + p];
            for (int k = 0; k < p; k++) {
                y -= a[p * size + k] * rhs[k];
            }
            rhs[p] = y;
        }
        for (int p = size - 1; p >= 0; p--) {
            double x = rhs[p] / a[p * size + p];
            for (int k = p + 1; k < size; k++) {
                x -= a[k * size + p] * psi[base + k];
            }
            psi[base + p] = x;
        }
        double c = diagonal[i];
        for (int p = 0; p < size; p++) {
            c -= band[base + p] * psi[base + p];
        }
        return Double.isFinite(c) ? c : Double.NaN;
    }

    /** As {@link #solve}, by Gaussian elimination with partial pivoting. */
    private double solvePivoted(double[] diagonal, double[] band, int i, int size, double[] psi) {
        int b = bandWidth;
        for (int p = 0; p < size; p++) {
            int row = i + 1 + p;
            for (int q = 0; q < size; q++) {
                int col = i + 1 + q;
                double h;
                if (p == q) {
                    h = diagonal[row];
                } else if (q > p) {
                    h = band[row * b + (q - p - 1)];
                } else {
                    h = band[col * b + (p - q - 1)];
                }
                system[p * size + q] = h;
            }
            rhs[p] = band[i * b + p];
        }
        for (int k = 0; k < size; k++) {
            int pivot = k;
            for (int r = k + 1; r < size; r++) {
                if (Math.abs(system[r * size + k]) > Math.abs(system[pivot * size + k])) {
                    pivot = r;
                }
            }
            if (!(Math.abs(system[pivot * size + k]) > 0)) {
                return Double.NaN;
            }
            if (pivot != k) {
                for (int q = 0; q < size; q++) {
                    double t = system[k * size + q];
                    system[k * size + q] = system[pivot * size + q];
                    system[pivot * size + q] = t;
                }
                double t = rhs[k];
                rhs[k] = rhs[pivot];
                rhs[pivot] = t;
            }
            double inversePivot = 1.0 / system[k * size + k];
            for (int r = k + 1; r < size; r++) {
                double f = system[r * size + k] * inversePivot;
                if (f != 0) {
                    for (int q = k; q < size; q++) {
                        system[r * size + q] -= f * system[k * size + q];
                    }
                    rhs[r] -= f * rhs[k];
                }
            }
        }
        double c = diagonal[i];
        for (int k = size - 1; k >= 0; k--) {
            double sum = rhs[k];
            for (int q = k + 1; q < size; q++) {
                sum -= system[k * size + q] * psi[i * b + q];
            }
            double value = sum / system[k * size + k];
            psi[i * b + k] = value;
        }
        for (int p = 0; p < size; p++) {
            c -= band[i * b + p] * psi[i * b + p];
        }
        return Double.isFinite(c) ? c : Double.NaN;
    }

    /**
     * {@code u = X v = L D Lᵀ v} for the factors of {@link #factor}.
     *
     * @param v the vector, length ≥ n
     * @param work scratch, length ≥ n
     * @param u out (may not alias v or work), length ≥ n
     */
    public void apply(double[] psi, int[] neighbours, double[] inverseVariance, int n, double[] v, double[] work,
            double[] u) {
        int b = bandWidth;
        // z = D Lᵀ v with (Lᵀ v)_i = v_i − Σ_j ψ_i[j] v_{i+1+j}
        for (int i = 0; i < n; i++) {
            double w = v[i];
            for (int j = 0; j < neighbours[i]; j++) {
                w -= psi[i * b + j] * v[i + 1 + j];
            }
            work[i] = inverseVariance[i] * w;
        }
        // u = L z with u_k = z_k − Σ_{i<k, k ∈ N(i)} ψ_i[k−i−1] z_i
        for (int k = 0; k < n; k++) {
            double sum = work[k];
            for (int i = Math.max(0, k - b); i < k; i++) {
                int j = k - i - 1;
                if (j < neighbours[i]) {
                    sum -= psi[i * b + j] * work[i];
                }
            }
            u[k] = sum;
        }
    }
}
