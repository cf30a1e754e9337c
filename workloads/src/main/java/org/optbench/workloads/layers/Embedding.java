package org.optbench.workloads.layers;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An embedding table {@code [rows, dim]}: the forward pass copies the looked-up rows, the backward pass adds the
 * output gradient back into the rows it came from (a scatter-add). The table's gradient is dense storage of a
 * sparse gradient: only the rows of the batch are nonzero, so a model zeroes just those rows before the next
 * scatter-add ({@link #zeroRows}) and the work per step is {@code O(batch x dim)}, not {@code O(rows x dim)}.
 */
public final class Embedding {
    private Embedding() {
    }

    /** {@code out[b, column + d] = table[rows[b], d]} for {@code b < rows.length}, {@code d < dim}. */
    public static void lookup(INDArray table, int[] rows, INDArray out, int column) {
        int dim = (int) table.size(1);
        int width = (int) out.size(1);
        Values t = Values.of(table);
        Values o = Values.of(out);
        for (int b = 0; b < rows.length; b++) {
            int src = rows[b] * dim;
            int dst = b * width + column;
            for (int d = 0; d < dim; d++) {
                o.set(dst + d, t.get(src + d));
            }
        }
    }

    /** {@code gradTable[rows[b], d] += gradOut[b, column + d]}: the backward pass of {@link #lookup}. */
    public static void scatterAdd(INDArray gradOut, int column, int[] rows, INDArray gradTable) {
        int dim = (int) gradTable.size(1);
        int width = (int) gradOut.size(1);
        Values g = Values.of(gradOut);
        Values t = Values.of(gradTable);
        for (int b = 0; b < rows.length; b++) {
            int dst = rows[b] * dim;
            int src = b * width + column;
            for (int d = 0; d < dim; d++) {
                t.add(dst + d, g.get(src + d));
            }
        }
    }

    /** Sets {@code gradTable[rows[b], :]} to zero for every {@code b}. */
    public static void zeroRows(INDArray gradTable, int[] rows) {
        int dim = (int) gradTable.size(1);
        Values t = Values.of(gradTable);
        for (int row : rows) {
            int dst = row * dim;
            for (int d = 0; d < dim; d++) {
                t.set(dst + d, 0);
            }
        }
    }
}
