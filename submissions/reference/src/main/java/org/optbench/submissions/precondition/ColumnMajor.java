package org.optbench.submissions.precondition;

/**
 * Column-major (Fortran-order) flattening of a C-order tensor, SONew's {@code vec(gᵀ)}: the first index varies
 * fastest, so in a matrix the chain links {@code g[i,j]} with {@code g[i+1,j]} and, at a column's end,
 * {@code g[last,j]} with {@code g[0,j+1]}. For rank ≤ 1 it is the identity.
 */
final class ColumnMajor {
    private final int[] dims;
    private final int[] strides;
    private final int[] counter;
    private final int length;

    /** The flattening of a tensor of this shape. */
    ColumnMajor(long[] shape) {
        int rank = shape.length;
        this.dims = new int[rank];
        this.strides = new int[rank];
        this.counter = new int[rank];
        long stride = 1;
        for (int a = rank - 1; a >= 0; a--) {
            dims[a] = (int) shape[a];
            strides[a] = (int) stride;
            stride *= shape[a];
        }
        this.length = (int) stride;
    }

    /** The number of entries. */
    int length() {
        return length;
    }

    /** The C offset of the k-th entry in column-major order, for every k (a new array). */
    int[] cOffsets() {
        int[] offsets = new int[length];
        java.util.Arrays.fill(counter, 0);
        int offset = 0;
        for (int k = 0; k < length; k++) {
            offsets[k] = offset;
            offset = advance(offset);
        }
        return offsets;
    }

    /** {@code target[k] = source[C offset of the k-th entry in column-major order]·scale}, over heap arrays. */
    void gather(double[] source, double scale, double[] target) {
        if (dims.length == 2) {
            int rows = dims[0];
            int cols = dims[1];
            int k = 0;
            for (int j = 0; j < cols; j++) {
                for (int i = 0; i < rows; i++) {
                    target[k++] = source[i * cols + j] * scale;
                }
            }
            return;
        }
        java.util.Arrays.fill(counter, 0);
        int offset = 0;
        for (int k = 0; k < length; k++) {
            target[k] = source[offset] * scale;
            offset = advance(offset);
        }
    }

    /** The inverse of {@link #gather}. */
    void scatter(double[] source, double scale, double[] target) {
        if (dims.length == 2) {
            int rows = dims[0];
            int cols = dims[1];
            int k = 0;
            for (int j = 0; j < cols; j++) {
                for (int i = 0; i < rows; i++) {
                    target[i * cols + j] = source[k++] * scale;
                }
            }
            return;
        }
        java.util.Arrays.fill(counter, 0);
        int offset = 0;
        for (int k = 0; k < length; k++) {
            target[offset] = source[k] * scale;
            offset = advance(offset);
        }
    }

    /** Steps the odometer (first axis fastest) and returns the next C offset. */
    private int advance(int offset) {
        for (int a = 0; a < dims.length; a++) {
            counter[a]++;
            offset += strides[a];
            if (counter[a] < dims[a]) {
                return offset;
            }
            offset -= counter[a] * strides[a];
            counter[a] = 0;
        }
        return offset;
    }
}
