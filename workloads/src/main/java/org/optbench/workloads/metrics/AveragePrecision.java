package org.optbench.workloads.metrics;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Average precision of scores against binary labels, as scikit-learn's {@code average_precision_score}:
 * {@code AP = sum_n (R_n - R_{n-1}) P_n} over the distinct score thresholds taken from the highest down, with
 * {@code P_n} and {@code R_n} the precision and recall of predicting positive for every score at or above the
 * n-th threshold (tied scores enter together), {@code R_0 = 0}. No interpolation.
 */
public final class AveragePrecision {
    private AveragePrecision() {
    }

    /** The AP of {@code scores} for {@code labels} (1 positive, 0 negative); NaN when there is no positive. */
    public static double of(double[] scores, boolean[] labels) {
        int n = scores.length;
        if (labels.length != n) {
            throw new IllegalArgumentException("scores and labels differ in length: " + n + " vs " + labels.length);
        }
        int positives = 0;
        for (boolean l : labels) {
            positives += l ? 1 : 0;
        }
        if (positives == 0) {
            return Double.NaN;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        double ap = 0;
        double previousRecall = 0;
        int truePositives = 0;
        int i = 0;
        while (i < n) {
            double threshold = scores[order[i]];
            // Everything tied at this threshold is predicted positive together.
            while (i < n && scores[order[i]] == threshold) {
                truePositives += labels[order[i]] ? 1 : 0;
                i++;
            }
            double recall = (double) truePositives / positives;
            double precision = (double) truePositives / i;
            ap += (recall - previousRecall) * precision;
            previousRecall = recall;
        }
        return ap;
    }

    /**
     * The mean AP over the columns of a row-major {@code [rows, labels]} score and label matrix, skipping columns
     * with no positive (as {@code average_precision_score(average="macro")} warns about and a benchmark must
     * not count); NaN if no column has a positive.
     */
    public static double mean(double[] scores, boolean[] labels, int rows, int columns) {
        double sum = 0;
        int counted = 0;
        double[] s = new double[rows];
        boolean[] l = new boolean[rows];
        for (int c = 0; c < columns; c++) {
            for (int r = 0; r < rows; r++) {
                s[r] = scores[r * columns + c];
                l[r] = labels[r * columns + c];
            }
            double ap = of(s, l);
            if (!Double.isNaN(ap)) {
                sum += ap;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }
}
