package org.optbench.submissions.precondition;

import java.util.Random;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Plain-Java double linear algebra for the tests, independent of ND4J and LAPACK: cyclic Jacobi eigen-solver,
 * Gauss–Jordan inverse, products. Slow and exact enough (1e−13) for the small matrices the tests use.
 */
final class Dense {
    private Dense() {
    }

    /** Eigen-decomposition of a symmetric matrix: values[j] and vectors[:, j]. */
    record Eigen(double[] values, double[][] vectors) {
    }

    static Eigen eigen(double[][] symmetric) {
        int n = symmetric.length;
        double[][] a = copy(symmetric);
        double[][] v = identity(n);
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off < 1e-60) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = a[i][i];
        }
        return new Eigen(values, v);
    }

    /** f(A) = V diag(f(λ)) Vᵀ for a symmetric A. */
    static double[][] function(double[][] symmetric, java.util.function.DoubleUnaryOperator f) {
        Eigen e = eigen(symmetric);
        int n = symmetric.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += e.vectors()[i][k] * f.applyAsDouble(e.values()[k]) * e.vectors()[j][k];
                }
                out[i][j] = sum;
            }
        }
        return out;
    }

    static double maxEigenvalue(double[][] symmetric) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : eigen(symmetric).values()) {
            max = Math.max(max, v);
        }
        return max;
    }

    static double minEigenvalue(double[][] symmetric) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : eigen(symmetric).values()) {
            min = Math.min(min, v);
        }
        return min;
    }

    /** Gauss–Jordan inverse with partial pivoting. */
    static double[][] inverse(double[][] matrix) {
        int n = matrix.length;
        double[][] a = copy(matrix);
        double[][] inv = identity(n);
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            t = inv[col];
            inv[col] = inv[pivot];
            inv[pivot] = t;
            double p = a[col][col];
            for (int k = 0; k < n; k++) {
                a[col][k] /= p;
                inv[col][k] /= p;
            }
            for (int r = 0; r < n; r++) {
                if (r != col && a[r][col] != 0) {
                    double f = a[r][col];
                    for (int k = 0; k < n; k++) {
                        a[r][k] -= f * a[col][k];
                        inv[r][k] -= f * inv[col][k];
                    }
                }
            }
        }
        return inv;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        int inner = b.length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double sum = 0;
                for (int k = 0; k < inner; k++) {
                    sum += a[i][k] * b[k][j];
                }
                out[i][j] = sum;
            }
        }
        return out;
    }

    static double[][] transpose(double[][] a) {
        double[][] out = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[j][i] = a[i][j];
            }
        }
        return out;
    }

    static double[][] identity(int n) {
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            out[i][i] = 1;
        }
        return out;
    }

    static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    /** a·x + b·y entrywise. */
    static double[][] combine(double x, double[][] a, double y, double[][] b) {
        double[][] out = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[i][j] = x * a[i][j] + y * b[i][j];
            }
        }
        return out;
    }

    static double[][] random(Random random, int rows, int cols) {
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[i][j] = random.nextGaussian();
            }
        }
        return out;
    }

    static double maxAbsDifference(double[][] a, double[][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return max;
    }

    static INDArray array(double[][] a) {
        return Nd4j.create(a).castTo(DataType.DOUBLE);
    }

    static double[][] matrix(INDArray array) {
        return array.castTo(DataType.DOUBLE).toDoubleMatrix();
    }
}
