package org.optbench.workloads.dlrm;

import java.util.List;

import org.optbench.api.Rng;

/**
 * Synthetic click logs in the shape of Criteo's: dense count-like features and categorical features with
 * long-tailed frequencies, labelled by a hidden teacher model.
 *
 * <p>Generator, all from {@code Rng.of(dataSeed)}:
 * <ul>
 *   <li>Dense feature {@code j}: a raw value {@code x_j = exp(mu_j + sigma_j g_j)} (log-normal, {@code g_j}
 *   standard normal, {@code mu_j} uniform in [0, 3], {@code sigma_j} in [0.5, 1.5]); the model sees
 *   {@code log(1 + x_j)}, the usual Criteo preprocessing.</li>
 *   <li>Categorical feature {@code t}: a rank {@code k} in {@code 1..V_t} drawn with probability
 *   {@code k^-s / H(V_t, s)} (Zipf, exponent {@code s}), mapped to a table row by a fixed random permutation
 *   (hashing).</li>
 *   <li>Teacher: per table row a first-order weight ({@code N(0, 0.25^2)}) and an embedding in
 *   {@code teacherDim} dimensions ({@code N(0, 0.31^2)} each); a 13-16-1 tanh MLP on {@code g}. The logit is
 *   {@code b + mlp(g) + sum_t w_t[row_t] + sum_{t < u} <e_t[row_t], e_u[row_u]>}, and {@code b} is set by
 *   bisection so that the mean click probability over the first 20,000 training examples is {@code baseRate}.
 *   The label is Bernoulli with probability {@code sigmoid(logit)}.</li>
 * </ul>
 * Rare rows are seen a few times in training at most, so their part of the teacher's logit cannot be learned: the
 * gap between the teacher's own log-loss and any model's is partly irreducible, as in real click logs.
 *
 * @param denseFeatures the number of dense features
 * @param vocabularies the number of rows of each categorical feature's table
 * @param zipfExponent {@code s}
 * @param teacherDim the teacher's embedding dimension
 * @param baseRate the mean click probability
 * @param trainExamples training set size
 * @param validationExamples validation set size
 * @param testExamples test set size
 * @param dataSeed the seed of everything drawn
 */
public record ClickLogProblem(int denseFeatures, List<Integer> vocabularies, double zipfExponent, int teacherDim,
                              double baseRate, int trainExamples, int validationExamples, int testExamples,
                              long dataSeed) {
    private static final double FIRST_ORDER_STD = 0.25;
    private static final double TEACHER_EMBEDDING_STD = 0.31;
    private static final int TEACHER_HIDDEN = 16;
    private static final int BIAS_SAMPLE = 20_000;

    /** The standard problem: 13 dense and 8 categorical features (1,000 to 10,000 rows), s = 1.1, 20% clicks. */
    public static ClickLogProblem standard() {
        return new ClickLogProblem(13, List.of(1000, 1500, 2000, 3000, 4000, 5000, 7000, 10000), 1.1, 4, 0.2,
                1_800_000, 20_000, 20_000, 0xC71C_0FF5L);
    }

    /**
     * The standard problem's data, drawn once per JVM and shared by {@code ctr_dlrm} and its variants (nothing
     * writes to it).
     */
    public static Data standardData() {
        return StandardData.DATA;
    }

    /** Holds the standard data; the class initialiser draws it on first use, once. */
    private static final class StandardData {
        static final Data DATA = standard().generate();
    }

    /** Copies the vocabularies and checks the sizes. */
    public ClickLogProblem {
        vocabularies = List.copyOf(vocabularies);
        if (denseFeatures < 1 || vocabularies.isEmpty() || vocabularies.stream().anyMatch(v -> v < 2)) {
            throw new IllegalArgumentException("need dense features and tables of at least 2 rows, got "
                    + denseFeatures + ", " + vocabularies);
        }
        if (!(baseRate > 0 && baseRate < 1) || !(zipfExponent > 0)) {
            throw new IllegalArgumentException("base rate must be in (0, 1) and the exponent positive");
        }
    }

    /** The number of categorical features. */
    public int tables() {
        return vocabularies.size();
    }

    /** The drawn data. */
    public record Data(ClickLogProblem problem, ClickLogSplit train, ClickLogSplit validation, ClickLogSplit test,
                       double teacherBias) {
    }

    /** Draws the data. Deterministic in the record's fields. */
    public Data generate() {
        Rng rng = Rng.of(dataSeed);
        int tables = tables();
        double[] mu = new double[denseFeatures];
        double[] sigma = new double[denseFeatures];
        for (int j = 0; j < denseFeatures; j++) {
            mu[j] = 3 * rng.nextDouble();
            sigma[j] = 0.5 + rng.nextDouble();
        }
        double[][] cdf = new double[tables][];
        int[][] rankToRow = new int[tables][];
        double[][] firstOrder = new double[tables][];
        double[][] embedding = new double[tables][];
        for (int t = 0; t < tables; t++) {
            int v = vocabularies.get(t);
            cdf[t] = zipfCdf(v, zipfExponent);
            rankToRow[t] = new int[v];
            for (int i = 0; i < v; i++) {
                rankToRow[t][i] = i;
            }
            rng.shuffle(rankToRow[t]);
            firstOrder[t] = new double[v];
            embedding[t] = new double[v * teacherDim];
            for (int i = 0; i < v; i++) {
                firstOrder[t][i] = FIRST_ORDER_STD * rng.nextGaussian();
            }
            for (int i = 0; i < v * teacherDim; i++) {
                embedding[t][i] = TEACHER_EMBEDDING_STD * rng.nextGaussian();
            }
        }
        double[] w1 = new double[denseFeatures * TEACHER_HIDDEN];
        double[] w2 = new double[TEACHER_HIDDEN];
        for (int i = 0; i < w1.length; i++) {
            w1[i] = rng.nextGaussian() / Math.sqrt(denseFeatures);
        }
        for (int i = 0; i < w2.length; i++) {
            w2[i] = rng.nextGaussian() / Math.sqrt(TEACHER_HIDDEN);
        }
        Teacher teacher = new Teacher(mu, sigma, cdf, rankToRow, firstOrder, embedding, w1, w2);
        Draw train = teacher.draw(rng.split(1), trainExamples);
        Draw validation = teacher.draw(rng.split(2), validationExamples);
        Draw test = teacher.draw(rng.split(3), testExamples);
        double bias = solveBias(train.logit, Math.min(BIAS_SAMPLE, trainExamples));
        return new Data(this, train.label(bias, rng.split(4)), validation.label(bias, rng.split(5)),
                test.label(bias, rng.split(6)), bias);
    }

    /** {@code cdf[k-1] = sum_{i <= k} i^-s / H(V, s)}, the last entry exactly 1. */
    static double[] zipfCdf(int v, double s) {
        double[] cdf = new double[v];
        double sum = 0;
        for (int k = 1; k <= v; k++) {
            sum += Math.pow(k, -s);
            cdf[k - 1] = sum;
        }
        for (int k = 0; k < v; k++) {
            cdf[k] /= sum;
        }
        cdf[v - 1] = 1;
        return cdf;
    }

    /** The smallest index whose cdf exceeds {@code u}. */
    static int sample(double[] cdf, double u) {
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The bias {@code b} with {@code mean_i sigmoid(b + logit_i) = baseRate} over the first {@code n} examples. */
    private double solveBias(double[] logit, int n) {
        double lo = -30;
        double hi = 30;
        for (int it = 0; it < 60; it++) {
            double mid = (lo + hi) / 2;
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += sigmoid(mid + logit[i]);
            }
            if (mean / n > baseRate) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return (lo + hi) / 2;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** Features and the teacher's logit without its bias, before labels are drawn. */
    private final class Draw {
        final double[] dense;
        final int[] categorical;
        final double[] logit;

        Draw(int n) {
            dense = new double[n * denseFeatures];
            categorical = new int[n * tables()];
            logit = new double[n];
        }

        ClickLogSplit label(double bias, Rng rng) {
            int n = logit.length;
            byte[] labels = new byte[n];
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                p[i] = sigmoid(bias + logit[i]);
                labels[i] = rng.nextDouble() < p[i] ? (byte) 1 : 0;
            }
            return new ClickLogSplit(dense, categorical, labels, p, denseFeatures, tables());
        }
    }

    /** The hidden teacher. */
    private final class Teacher {
        final double[] mu;
        final double[] sigma;
        final double[][] cdf;
        final int[][] rankToRow;
        final double[][] firstOrder;
        final double[][] embedding;
        final double[] w1;
        final double[] w2;

        Teacher(double[] mu, double[] sigma, double[][] cdf, int[][] rankToRow, double[][] firstOrder,
                double[][] embedding, double[] w1, double[] w2) {
            this.mu = mu;
            this.sigma = sigma;
            this.cdf = cdf;
            this.rankToRow = rankToRow;
            this.firstOrder = firstOrder;
            this.embedding = embedding;
            this.w1 = w1;
            this.w2 = w2;
        }

        Draw draw(Rng rng, int n) {
            Draw d = new Draw(n);
            int tables = tables();
            double[] g = new double[denseFeatures];
            int[] rows = new int[tables];
            for (int e = 0; e < n; e++) {
                for (int j = 0; j < denseFeatures; j++) {
                    g[j] = rng.nextGaussian();
                    // log(1 + exp(mu + sigma g)), written to stay finite for large exponents.
                    double z = mu[j] + sigma[j] * g[j];
                    d.dense[e * denseFeatures + j] = z > 30 ? z : Math.log1p(Math.exp(z));
                }
                double logit = 0;
                for (int h = 0; h < TEACHER_HIDDEN; h++) {
                    double a = 0;
                    for (int j = 0; j < denseFeatures; j++) {
                        a += g[j] * w1[j * TEACHER_HIDDEN + h];
                    }
                    logit += w2[h] * Math.tanh(a);
                }
                for (int t = 0; t < tables; t++) {
                    rows[t] = rankToRow[t][sample(cdf[t], rng.nextDouble())];
                    d.categorical[e * tables + t] = rows[t];
                    logit += firstOrder[t][rows[t]];
                }
                for (int t = 0; t < tables; t++) {
                    for (int u = t + 1; u < tables; u++) {
                        int a = rows[t] * teacherDim;
                        int b = rows[u] * teacherDim;
                        for (int k = 0; k < teacherDim; k++) {
                            logit += embedding[t][a + k] * embedding[u][b + k];
                        }
                    }
                }
                d.logit[e] = logit;
            }
            return d;
        }
    }
}
