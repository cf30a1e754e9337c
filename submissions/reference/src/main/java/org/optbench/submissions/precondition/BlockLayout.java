package org.optbench.submissions.precondition;

import java.util.ArrayList;
import java.util.List;

/**
 * How Shampoo sees one parameter tensor: as a vector (order 1, one statistic, exponent −1/2) or as a matrix
 * (order 2, a left and a right statistic, exponent −1/4), cut into blocks of at most {@code blockSize} along each
 * dimension (the last block of a dimension is smaller), as Google {@code distributed_shampoo} blocks.
 *
 * <p>Shape interpretation: a tensor of rank 1 is a vector. With dimension merging on
 * ({@code mergeSmallDimsBlockSize > 0}), dimensions of size 1 are dropped and consecutive dimensions are multiplied
 * together while the product stays at most {@code mergeSmallDimsBlockSize} (so a 6×4 matrix becomes a 24-vector).
 * A tensor still of rank 3 or more is then read as the matrix {@code [d0, d1·d2·…]} — a simplification of the
 * reference, which keeps one statistic per dimension. A scalar, and a tensor with a dimension above the skip
 * size, are not preconditioned ({@link #preconditioned()} false).
 *
 * @param rows rows of the matrix view (1 for a vector)
 * @param cols columns of the matrix view (the length for a vector)
 * @param order 1 for a vector, 2 for a matrix, 0 when not preconditioned
 * @param blocks the blocks, row-block major
 */
public record BlockLayout(int rows, int cols, int order, List<Block> blocks) {

    /**
     * One block of the matrix view.
     *
     * @param row0 first row
     * @param rows number of rows
     * @param col0 first column
     * @param cols number of columns
     */
    public record Block(int row0, int rows, int col0, int cols) {
    }

    /** Copies the list. */
    public BlockLayout {
        blocks = List.copyOf(blocks);
    }

    /** Whether the tensor gets a Shampoo direction (otherwise only the graft). */
    public boolean preconditioned() {
        return order > 0;
    }

    /** The exponent's denominator: the root p = 2·order. */
    public int root() {
        return 2 * order;
    }

    /**
     * The layout of a tensor of this shape.
     *
     * @param shape the tensor's shape
     * @param blockSize the largest block side; 0 or less means one block
     * @param mergeSmallDimsBlockSize the largest merged dimension; 0 or less turns merging off
     */
    public static BlockLayout of(long[] shape, int blockSize, int mergeSmallDimsBlockSize) {
        return of(shape, blockSize, mergeSmallDimsBlockSize, Long.MAX_VALUE);
    }

    /**
     * As {@link #of(long[], int, int)}, and not preconditioned when any dimension of the original shape exceeds
     * {@code skipDimSizeGreaterThan} (Google's {@code skip_preconditioning_dim_size_gt}, default 4096).
     */
    public static BlockLayout of(long[] shape, int blockSize, int mergeSmallDimsBlockSize,
            long skipDimSizeGreaterThan) {
        for (long d : shape) {
            if (d > skipDimSizeGreaterThan) {
                return new BlockLayout(1, 1, 0, List.of());
            }
        }
        List<Long> dims = new ArrayList<>();
        if (mergeSmallDimsBlockSize > 0) {
            long run = 1;
            boolean open = false;
            for (long d : shape) {
                if (d == 1) {
                    continue;
                }
                if (open && run * d <= mergeSmallDimsBlockSize) {
                    run *= d;
                } else {
                    if (open) {
                        dims.add(run);
                    }
                    run = d;
                    open = true;
                }
            }
            if (open) {
                dims.add(run);
            }
        } else {
            for (long d : shape) {
                dims.add(d);
            }
        }
        if (dims.isEmpty()) {
            return new BlockLayout(1, 1, 0, List.of());
        }
        long rows;
        long cols;
        int order;
        if (dims.size() == 1) {
            rows = 1;
            cols = dims.get(0);
            order = 1;
        } else {
            rows = dims.get(0);
            cols = 1;
            for (int i = 1; i < dims.size(); i++) {
                cols *= dims.get(i);
            }
            order = 2;
        }
        if (rows * cols > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tensor too large for Shampoo: " + java.util.Arrays.toString(shape));
        }
        int r = (int) rows;
        int c = (int) cols;
        int rowStep = blockSize > 0 && order == 2 ? blockSize : r;
        int colStep = blockSize > 0 ? blockSize : c;
        List<Block> blocks = new ArrayList<>();
        for (int r0 = 0; r0 < r; r0 += rowStep) {
            for (int c0 = 0; c0 < c; c0 += colStep) {
                blocks.add(new Block(r0, Math.min(rowStep, r - r0), c0, Math.min(colStep, c - c0)));
            }
        }
        return new BlockLayout(r, c, order, blocks);
    }
}
