package org.optbench.workloads.dlrm;

import java.nio.IntBuffer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.optbench.workloads.layers.Values;

/**
 * One split of the click logs, example-major.
 *
 * @param dense the model's dense inputs {@code log(1 + x)}, {@code [size][denseFeatures]} flattened
 * @param categorical the table rows of each example, {@code [size][tables]} flattened
 * @param labels click (1) or not (0)
 * @param clickProbability the hidden teacher's click probability of each example (the labels' Bernoulli mean)
 * @param denseFeatures the number of dense features
 * @param tables the number of categorical features
 */
public record ClickLogSplit(double[] dense, int[] categorical, byte[] labels, double[] clickProbability,
                            int denseFeatures, int tables) {

    /** The number of examples. */
    public int size() {
        return labels.length;
    }

    /** The share of clicks. */
    public double clickRate() {
        long clicks = 0;
        for (byte l : labels) {
            clicks += l;
        }
        return (double) clicks / labels.length;
    }

    /**
     * Copies examples {@code order[from], ...} (or {@code from, from+1, ...} when {@code order} is null) into
     * {@code dense [rows, denseFeatures]}, {@code categorical} (INT {@code [rows, tables]}) and {@code targets
     * [rows, 1]}, as many as {@code dense} has rows.
     */
    void copyRows(int[] order, int from, INDArray denseOut, INDArray categoricalOut, INDArray targetsOut) {
        int rows = (int) denseOut.size(0);
        Values d = Values.of(denseOut);
        Values t = Values.of(targetsOut);
        IntBuffer c = Values.ints(categoricalOut);
        int co = (int) categoricalOut.offset();
        for (int r = 0; r < rows; r++) {
            int e = order == null ? from + r : order[from + r];
            for (int j = 0; j < denseFeatures; j++) {
                d.set(r * denseFeatures + j, dense[e * denseFeatures + j]);
            }
            for (int j = 0; j < tables; j++) {
                c.put(co + r * tables + j, categorical[e * tables + j]);
            }
            t.set(r, labels[e]);
        }
    }
}
