package org.optbench.workloads.layers;

import java.nio.FloatBuffer;
import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An embedding table {@code [rows, dim]}: the forward pass copies (or adds) the looked-up rows into columns
 * {@code column .. column + dim - 1} of an output {@code [n, width]} (DLRM writes each table into its slice of the
 * feature matrix; a transformer writes the token embedding and adds the position embedding to the same rows); the
 * backward pass adds the output gradient back into the rows it came from (a scatter-add, written as Java loops:
 * ND4J's SameDiff gather hangs in its gradient).
 *
 * <p>A table's gradient is dense storage of a sparse gradient: only the rows of the batch are nonzero. A model with
 * large tables zeroes just those rows before the next scatter-add ({@link #zeroRows}), so the work per step is
 * {@code O(batch x dim)}, not {@code O(rows x dim)}; one with small tables overwrites the whole gradient
 * ({@link #backward}). In FLOAT the rows move by bulk copies between the NIO buffers and heap arrays.
 */
public final class Embedding {
    private Embedding() {
    }

    /** {@code out[b, column + d] = table[rows[b], d]} for {@code b < rows.length}, {@code d < dim}. */
    public static void lookup(INDArray table, int[] rows, INDArray out, int column) {
        gather(table, rows, out, column, false);
    }

    /** {@code out[b, column + d] += table[rows[b], d]}: {@link #lookup} adding to what {@code out} holds. */
    public static void lookupAdd(INDArray table, int[] rows, INDArray out, int column) {
        gather(table, rows, out, column, true);
    }

    private static void gather(INDArray table, int[] rows, INDArray out, int column, boolean accumulate) {
        int tableRows = (int) table.size(0);
        int dim = (int) table.size(1);
        int width = (int) out.size(1);
        for (int row : rows) {
            if (row < 0 || row >= tableRows) {
                throw new IllegalArgumentException("row " + row + " outside the table's " + tableRows + " rows");
            }
        }
        if (table.dataType() == DataType.FLOAT) {
            FloatBuffer t = table.data().asNioFloat();
            FloatBuffer o = out.data().asNioFloat();
            int to = (int) table.offset();
            int oo = (int) out.offset();
            float[] a = Scratch.floats(0, dim);
            float[] b = Scratch.floats(1, dim);
            for (int i = 0; i < rows.length; i++) {
                int src = to + rows[i] * dim;
                int dst = oo + i * width + column;
                if (!accumulate) {
                    o.put(dst, t, src, dim);
                    continue;
                }
                t.get(src, a, 0, dim);
                o.get(dst, b, 0, dim);
                for (int d = 0; d < dim; d++) {
                    b[d] += a[d];
                }
                o.put(dst, b, 0, dim);
            }
            return;
        }
        Values t = Values.of(table);
        Values o = Values.of(out);
        for (int i = 0; i < rows.length; i++) {
            int src = rows[i] * dim;
            int dst = i * width + column;
            for (int d = 0; d < dim; d++) {
                o.set(dst + d, accumulate ? o.get(dst + d) + t.get(src + d) : t.get(src + d));
            }
        }
    }

    /** {@code gradTable[rows[b], d] += gradOut[b, column + d]}: the backward pass of {@link #lookup}. */
    public static void scatterAdd(INDArray gradOut, int column, int[] rows, INDArray gradTable) {
        int dim = (int) gradTable.size(1);
        int width = (int) gradOut.size(1);
        if (gradTable.dataType() == DataType.FLOAT) {
            FloatBuffer g = gradOut.data().asNioFloat();
            FloatBuffer t = gradTable.data().asNioFloat();
            int go = (int) gradOut.offset();
            int to = (int) gradTable.offset();
            float[] a = Scratch.floats(0, dim);
            float[] b = Scratch.floats(1, dim);
            for (int i = 0; i < rows.length; i++) {
                int src = go + i * width + column;
                int dst = to + rows[i] * dim;
                g.get(src, a, 0, dim);
                t.get(dst, b, 0, dim);
                for (int d = 0; d < dim; d++) {
                    b[d] += a[d];
                }
                t.put(dst, b, 0, dim);
            }
            return;
        }
        Values g = Values.of(gradOut);
        Values t = Values.of(gradTable);
        for (int i = 0; i < rows.length; i++) {
            int dst = rows[i] * dim;
            int src = i * width + column;
            for (int d = 0; d < dim; d++) {
                t.add(dst + d, g.get(src + d));
            }
        }
    }

    /** Overwrites {@code gradTable} with the scatter-add of {@code gradOut}'s columns by {@code rows}. */
    public static void backward(INDArray gradOut, int column, int[] rows, INDArray gradTable) {
        zero(gradTable);
        scatterAdd(gradOut, column, rows, gradTable);
    }

    /** Sets {@code gradTable[rows[b], :]} to zero for every {@code b}. */
    public static void zeroRows(INDArray gradTable, int[] rows) {
        int dim = (int) gradTable.size(1);
        if (gradTable.dataType() == DataType.FLOAT) {
            FloatBuffer t = gradTable.data().asNioFloat();
            int to = (int) gradTable.offset();
            float[] zeros = Scratch.floats(0, dim);
            Arrays.fill(zeros, 0, dim, 0f);
            for (int row : rows) {
                t.put(to + row * dim, zeros, 0, dim);
            }
            return;
        }
        Values t = Values.of(gradTable);
        for (int row : rows) {
            int dst = row * dim;
            for (int d = 0; d < dim; d++) {
                t.set(dst + d, 0);
            }
        }
    }

    private static void zero(INDArray a) {
        Values v = Values.of(a);
        int n = (int) a.length();
        for (int i = 0; i < n; i++) {
            v.set(i, 0);
        }
    }
}
