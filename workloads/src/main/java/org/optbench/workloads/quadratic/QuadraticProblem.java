package org.optbench.workloads.quadratic;

import org.optbench.api.Rng;

/**
 * A synthetic linear regression {@code y = x . w* + b* + noise} with an ill-conditioned feature covariance.
 *
 * <p>The covariance is {@code Sigma = Q diag(lambda) Q^T}, with {@code Q} a random rotation and eigenvalues
 * log-spaced from 1 down to {@code 1 / conditionNumber}: {@code lambda_i = conditionNumber^(-i / (d - 1))}.
 * Validation and test features are drawn from {@code N(0, Sigma)}. The training design is made to have exactly
 * this second moment: its Gaussian draws are centred and orthonormalised (Gram-Schmidt) before scaling, so that
 * {@code X^T X / n = Sigma} and every feature has mean zero, and the condition number of the training
 * {@code E[x x^T]} equals the parameter up to rounding. {@code w*} puts equal signal variance in every
 * eigendirection (its coordinate along eigenvector {@code j} is {@code g_j / sqrt(lambda_j)}, {@code g} Gaussian),
 * scaled so the total signal variance {@code w*^T Sigma w*} is 1: the flat directions matter as much as the steep
 * ones, so a method must make progress along curvature {@code 1 / conditionNumber} to reach a low error.
 *
 * <p>Everything is drawn from {@code Rng.of(dataSeed)}, never from a trial's seed.
 *
 * @param dimension the number of features {@code d}
 * @param conditionNumber {@code lambda_max / lambda_min} of the feature covariance, at least 1
 * @param trainExamples training set size (at least {@code d})
 * @param validationExamples validation set size
 * @param testExamples test set size
 * @param noiseStd the standard deviation of the label noise
 * @param intercept {@code b*}
 * @param dataSeed the seed of everything drawn
 */
public record QuadraticProblem(int dimension, double conditionNumber, int trainExamples, int validationExamples,
                               int testExamples, double noiseStd, double intercept, long dataSeed) {

    /** The standard problem at a given condition number: d = 64, 4,096 / 1,024 / 1,024 examples, noise 0.1. */
    public static QuadraticProblem standard(double conditionNumber) {
        return new QuadraticProblem(64, conditionNumber, 4096, 1024, 1024, 0.1, 0.5, 0x5eed_0f_0ddL);
    }

    /** Checks sizes and the condition number. */
    public QuadraticProblem {
        if (dimension < 2 || trainExamples < dimension || validationExamples < 1 || testExamples < 1) {
            throw new IllegalArgumentException("need d >= 2 and at least d training examples, got d=" + dimension
                    + ", n=" + trainExamples);
        }
        if (!(conditionNumber >= 1) || Double.isInfinite(conditionNumber)) {
            throw new IllegalArgumentException("condition number must be a finite number >= 1, got " + conditionNumber);
        }
    }

    /** The eigenvalues of the feature covariance, largest (1) first. */
    public double[] eigenvalues() {
        double[] lambda = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            lambda[i] = Math.pow(conditionNumber, -(double) i / (dimension - 1));
        }
        return lambda;
    }

    /** Draws the data set. Deterministic in the record's fields. */
    public QuadraticData generate() {
        Rng rng = Rng.of(dataSeed);
        int d = dimension;
        double[] sqrtLambda = eigenvalues();
        for (int i = 0; i < d; i++) {
            sqrtLambda[i] = Math.sqrt(sqrtLambda[i]);
        }
        double[][] rotation = gaussian(rng, d, d);
        orthonormaliseColumns(rotation, false);

        // Equal signal in every eigendirection: w* = Q c with c_j = g_j / sqrt(lambda_j), so that direction j
        // contributes lambda_j c_j^2 = g_j^2 to the signal variance; scaled so the total is 1.
        double[] c = new double[d];
        double signal = 0;
        for (int j = 0; j < d; j++) {
            double g = rng.nextGaussian();
            c[j] = g / sqrtLambda[j];
            signal += g * g;
        }
        double scale = 1 / Math.sqrt(signal);
        double[] wStar = new double[d];
        for (int i = 0; i < d; i++) {
            double w = 0;
            for (int j = 0; j < d; j++) {
                w += rotation[i][j] * c[j];
            }
            wStar[i] = w * scale;
        }

        double[][] zTrain = gaussian(rng, trainExamples, d);
        orthonormaliseColumns(zTrain, true);
        double root = Math.sqrt(trainExamples);
        for (double[] row : zTrain) {
            for (int j = 0; j < d; j++) {
                row[j] *= root;
            }
        }
        Split train = features(zTrain, sqrtLambda, rotation, wStar, rng);
        Split validation = features(gaussian(rng, validationExamples, d), sqrtLambda, rotation, wStar, rng);
        Split test = features(gaussian(rng, testExamples, d), sqrtLambda, rotation, wStar, rng);
        return new QuadraticData(this, train.x, train.y, validation.x, validation.y, test.x, test.y, wStar);
    }

    private record Split(double[][] x, double[] y) {
    }

    /** x = z diag(sqrt lambda) Q^T, y = x . w* + b* + noise. */
    private Split features(double[][] z, double[] sqrtLambda, double[][] rotation, double[] wStar, Rng rng) {
        int d = dimension;
        double[][] x = new double[z.length][d];
        double[] y = new double[z.length];
        double[] scaled = new double[d];
        for (int n = 0; n < z.length; n++) {
            for (int j = 0; j < d; j++) {
                scaled[j] = z[n][j] * sqrtLambda[j];
            }
            double dot = 0;
            for (int i = 0; i < d; i++) {
                double v = 0;
                for (int j = 0; j < d; j++) {
                    v += scaled[j] * rotation[i][j];
                }
                x[n][i] = v;
                dot += v * wStar[i];
            }
            y[n] = dot + intercept + noiseStd * rng.nextGaussian();
        }
        return new Split(x, y);
    }

    private static double[][] gaussian(Rng rng, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        return m;
    }

    /**
     * Modified Gram-Schmidt on the columns of {@code m}, twice for orthogonality to rounding; with {@code centre},
     * each column first loses its mean (so the columns end up orthogonal to the all-ones vector too).
     */
    static void orthonormaliseColumns(double[][] m, boolean centre) {
        int rows = m.length;
        int cols = m[0].length;
        if (centre) {
            for (int j = 0; j < cols; j++) {
                double mean = 0;
                for (double[] row : m) {
                    mean += row[j];
                }
                mean /= rows;
                for (double[] row : m) {
                    row[j] -= mean;
                }
            }
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int j = 0; j < cols; j++) {
                for (int k = 0; k < j; k++) {
                    double dot = 0;
                    for (double[] row : m) {
                        dot += row[j] * row[k];
                    }
                    for (double[] row : m) {
                        row[j] -= dot * row[k];
                    }
                }
                double norm = 0;
                for (double[] row : m) {
                    norm += row[j] * row[j];
                }
                norm = Math.sqrt(norm);
                for (double[] row : m) {
                    row[j] /= norm;
                }
            }
        }
    }
}
