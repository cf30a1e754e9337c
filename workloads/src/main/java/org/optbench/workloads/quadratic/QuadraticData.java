package org.optbench.workloads.quadratic;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The drawn data of a {@link QuadraticProblem}, in double precision.
 *
 * @param problem what was drawn
 * @param trainX training features, {@code [n][d]}
 * @param trainY training labels
 * @param validationX validation features
 * @param validationY validation labels
 * @param testX test features
 * @param testY test labels
 * @param wStar the true weights
 */
public record QuadraticData(QuadraticProblem problem, double[][] trainX, double[] trainY, double[][] validationX,
                            double[] validationY, double[][] testX, double[] testY, double[] wStar) {

    /** Rows {@code order[from]}, ... of {@code x}/{@code y} into {@code inputs [rows, d]} and {@code targets [rows, 1]}. */
    static void copyRows(double[][] x, double[] y, int[] order, int from, INDArray inputs, INDArray targets) {
        int rows = (int) inputs.size(0);
        int d = x[0].length;
        int io = (int) inputs.offset();
        int to = (int) targets.offset();
        if (inputs.dataType() == DataType.FLOAT) {
            FloatBuffer in = inputs.data().asNioFloat();
            FloatBuffer t = targets.data().asNioFloat();
            for (int r = 0; r < rows; r++) {
                int e = order == null ? from + r : order[from + r];
                for (int j = 0; j < d; j++) {
                    in.put(io + r * d + j, (float) x[e][j]);
                }
                t.put(to + r, (float) y[e]);
            }
        } else {
            DoubleBuffer in = inputs.data().asNioDouble();
            DoubleBuffer t = targets.data().asNioDouble();
            for (int r = 0; r < rows; r++) {
                int e = order == null ? from + r : order[from + r];
                for (int j = 0; j < d; j++) {
                    in.put(io + r * d + j, x[e][j]);
                }
                t.put(to + r, y[e]);
            }
        }
    }

    /** The first {@code rows} examples of {@code x}/{@code y} as new arrays {@code [rows, d]} and {@code [rows, 1]}. */
    static INDArray[] toArrays(double[][] x, double[] y, int rows, DataType dataType) {
        INDArray inputs = Nd4j.zeros(dataType, rows, x[0].length);
        INDArray targets = Nd4j.zeros(dataType, rows, 1);
        copyRows(x, y, null, 0, inputs, targets);
        return new INDArray[] {inputs, targets};
    }

    /**
     * The mean squared error of the least-squares fit on the training set, measured on {@code x}/{@code y}: the
     * best any optimizer can do on that split by minimising the training loss. The training design has
     * {@code X^T X / n = Q diag(lambda) Q^T} and zero-mean features by construction, so the fit is
     * {@code b = mean(y)}, {@code w = Sigma^-1 X^T (y - b) / n}; it is solved here by Gaussian elimination with
     * partial pivoting in double.
     */
    public double leastSquaresMse(double[][] x, double[] y) {
        int d = wStar.length;
        int n = trainX.length;
        double[][] a = new double[d][d + 1];
        double b = 0;
        for (double v : trainY) {
            b += v;
        }
        b /= n;
        for (int e = 0; e < n; e++) {
            double[] row = trainX[e];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    a[i][j] += row[i] * row[j];
                }
                a[i][d] += row[i] * (trainY[e] - b);
            }
        }
        double[] w = solve(a);
        double sum = 0;
        for (int e = 0; e < x.length; e++) {
            double p = b;
            for (int i = 0; i < d; i++) {
                p += w[i] * x[e][i];
            }
            sum += (p - y[e]) * (p - y[e]);
        }
        return sum / x.length;
    }

    private static double[] solve(double[][] a) {
        int d = a.length;
        for (int c = 0; c < d; c++) {
            int pivot = c;
            for (int r = c + 1; r < d; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            for (int r = c + 1; r < d; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k <= d; k++) {
                    a[r][k] -= f * a[c][k];
                }
            }
        }
        double[] w = new double[d];
        for (int r = d - 1; r >= 0; r--) {
            double s = a[r][d];
            for (int k = r + 1; k < d; k++) {
                s -= a[r][k] * w[k];
            }
            w[r] = s / a[r][r];
        }
        return w;
    }
}
