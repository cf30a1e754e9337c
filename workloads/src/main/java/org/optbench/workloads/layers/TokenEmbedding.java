package org.optbench.workloads.layers;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A table lookup {@code out[n, :] = table[ids[n], :]} with {@code table [rows, width]} and {@code out [n, width]}.
 * Its gradient is a scatter-add, {@code dtable[k, :] = sum over n with ids[n] = k of dout[n, :]}, written as a Java
 * loop (ND4J's SameDiff gather hangs in its gradient). Stateless.
 */
public final class TokenEmbedding {
    private TokenEmbedding() {
    }

    /** Writes (or, with {@code accumulate}, adds) the looked-up rows into {@code out}. */
    public static void lookup(INDArray table, int[] ids, INDArray out, boolean accumulate) {
        int width = (int) table.size(1);
        int rows = (int) table.size(0);
        FlatArray t = FlatArray.of(table);
        FlatArray o = FlatArray.of(out);
        for (int n = 0; n < ids.length; n++) {
            int id = ids[n];
            if (id < 0 || id >= rows) {
                throw new IllegalArgumentException("id " + id + " outside the table's " + rows + " rows");
            }
            int src = id * width;
            int dst = n * width;
            for (int c = 0; c < width; c++) {
                double v = t.get(src + c);
                o.set(dst + c, accumulate ? o.get(dst + c) + v : v);
            }
        }
    }

    /** Overwrites {@code gradTable} with the scatter-add of {@code gradOut}'s rows by {@code ids}. */
    public static void backward(int[] ids, INDArray gradOut, INDArray gradTable) {
        int width = (int) gradTable.size(1);
        FlatArray g = FlatArray.of(gradOut);
        FlatArray gt = FlatArray.of(gradTable);
        gt.zero();
        for (int n = 0; n < ids.length; n++) {
            int dst = ids[n] * width;
            int src = n * width;
            for (int c = 0; c < width; c++) {
                gt.add(dst + c, g.get(src + c));
            }
        }
    }
}
