package org.optbench.submissions.precondition;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.optbench.api.Params;
import org.optbench.submissions.transform.Elements;
import org.optbench.submissions.transform.GradientTransformation;
import org.optbench.submissions.transform.TransformState;

/**
 * Shampoo's preconditioner (Gupta, Koren, Singer 2018; Anil et al. 2020), with Google {@code distributed_shampoo}
 * semantics: replaces each gradient block {@code G} by its preconditioned direction.
 *
 * <pre>
 *   matrix block (order 2):  L ← β2·L + (1−β2)·G Gᵀ,  R ← β2·R + (1−β2)·Gᵀ G,   P(G) = L̃^(−1/4) G R̃^(−1/4)
 *   vector block (order 1):  R ← β2·R + (1−β2)·g gᵀ,                           P(g) = R̃^(−1/2) g
 *   L, R start at ε_m·I; no bias correction; β2 = 1 gives plain sums.
 *   X̃^(−1/p) = (X + ε_m·λ_max(X)·I)^(−1/p) by symmetric eigendecomposition ({@link InverseRoot}), recomputed from
 *   the statistics just updated whenever the 0-based step c satisfies c mod preconditioning_compute_steps = 0;
 *   a root that is not finite is discarded and the previous one kept (roots start at I).
 * </pre>
 *
 * Blocking and shape interpretation follow {@link BlockLayout}. Tensors that are not preconditioned (scalars, and
 * tensors with a dimension above {@code skip_preconditioning_dim_size_gt}, 4096 by default) pass through
 * unchanged; {@link State#preconditioned(int)} tells which. The output replaces the incoming updates in place.
 * Blocks are copied in and out row by row in bulk; statistics are symmetric rank-k updates of their upper triangle
 * ({@link SymmetricKernels#rankUpdate}; the lower triangle is not maintained) and preconditioning is two gemm
 * calls, in the parameters' type (single precision for float32), into preallocated buffers; roots are recomputed
 * in float64 ({@link InverseRoot}) in workspaces shared by blocks of one side length. A step allocates no arrays
 * (LAPACK's work array on root steps aside).
 */
public final class ShampooPreconditioner implements GradientTransformation {
    private final double beta2;
    private final double matrixEpsilon;
    private final int blockSize;
    private final int mergeSmallDimsBlockSize;
    private final int preconditioningComputeSteps;
    private final long skipDimSizeGreaterThan;

    /** Google's {@code skip_preconditioning_dim_size_gt}: tensors with a larger dimension take the graft only. */
    public static final long DEFAULT_SKIP_DIM_SIZE = 4096;

    /**
     * @param beta2 the statistics' EMA factor in (0, 1]
     * @param matrixEpsilon ε_m: initial statistic scale and relative ridge
     * @param blockSize largest block side (0: no blocking)
     * @param mergeSmallDimsBlockSize merge consecutive dimensions up to this product (0: off)
     * @param preconditioningComputeSteps recompute roots every this many steps
     */
    public ShampooPreconditioner(double beta2, double matrixEpsilon, int blockSize, int mergeSmallDimsBlockSize,
            int preconditioningComputeSteps) {
        this(beta2, matrixEpsilon, blockSize, mergeSmallDimsBlockSize, preconditioningComputeSteps,
                DEFAULT_SKIP_DIM_SIZE);
    }

    /**
     * As the five-argument constructor, with {@code skip_preconditioning_dim_size_gt}.
     *
     * @param skipDimSizeGreaterThan tensors with a dimension above this are not preconditioned
     */
    public ShampooPreconditioner(double beta2, double matrixEpsilon, int blockSize, int mergeSmallDimsBlockSize,
            int preconditioningComputeSteps, long skipDimSizeGreaterThan) {
        if (!(beta2 > 0 && beta2 <= 1)) {
            throw new IllegalArgumentException("beta2 must be in (0, 1], got " + beta2);
        }
        if (!(matrixEpsilon > 0)) {
            throw new IllegalArgumentException("matrix_epsilon must be positive, got " + matrixEpsilon);
        }
        if (preconditioningComputeSteps < 1) {
            throw new IllegalArgumentException("preconditioning_compute_steps must be at least 1, got "
                    + preconditioningComputeSteps);
        }
        this.beta2 = beta2;
        this.matrixEpsilon = matrixEpsilon;
        this.blockSize = blockSize;
        this.mergeSmallDimsBlockSize = mergeSmallDimsBlockSize;
        this.preconditioningComputeSteps = preconditioningComputeSteps;
        this.skipDimSizeGreaterThan = skipDimSizeGreaterThan;
    }

    /** The statistics, roots and step counter; the counter and the shared block scratch are not counted. */
    public static final class State implements TransformState {
        private final BlockLayout[] layouts;
        private final BlockState[][] blocks;
        private long count;

        State(BlockLayout[] layouts, BlockState[][] blocks) {
            this.layouts = layouts;
            this.blocks = blocks;
        }

        /** Whether parameter {@code i} gets a Shampoo direction. */
        public boolean preconditioned(int i) {
            return layouts[i].preconditioned();
        }

        /** The layout of parameter {@code i}. */
        public BlockLayout layout(int i) {
            return layouts[i];
        }

        /** A copy of the left statistic of block {@code b} of parameter {@code i} (null for vectors). */
        public INDArray left(int i, int b) {
            return symmetric(blocks[i][b].left);
        }

        /** A copy of the right statistic (the only one for vectors) of block {@code b} of parameter {@code i}. */
        public INDArray right(int i, int b) {
            return symmetric(blocks[i][b].right);
        }

        /** The full matrix of a statistic whose upper triangle is maintained. */
        private static INDArray symmetric(INDArray statistic) {
            if (statistic == null) {
                return null;
            }
            INDArray copy = statistic.dup('c');
            int d = (int) copy.rows();
            for (int r = 0; r < d; r++) {
                for (int c = 0; c < r; c++) {
                    copy.putScalar(r, c, copy.getDouble(c, r));
                }
            }
            return copy;
        }

        /** The steps done so far. */
        public long count() {
            return count;
        }

        @Override
        public long stateBytes() {
            long bytes = 0;
            for (BlockState[] perParam : blocks) {
                for (BlockState b : perParam) {
                    bytes += b.bytes();
                }
            }
            return bytes;
        }
    }

    /** One block's statistics and roots, views of the shared scratch, and the root workspaces for its sides. */
    private static final class BlockState {
        final BlockLayout.Block block;
        final INDArray left;
        final INDArray right;
        final INDArray leftRoot;
        final INDArray rightRoot;
        final INDArray gradient;
        final INDArray product;
        final InverseRoot.Workspace leftWorkspace;
        final InverseRoot.Workspace rightWorkspace;

        BlockState(BlockLayout.Block block, int order, DataType type, double epsilon, INDArray scratchA,
                INDArray scratchB, Map<Integer, InverseRoot.Workspace> workspaces) {
            this.block = block;
            int r = block.rows();
            int c = block.cols();
            this.left = order == 2 ? Nd4j.eye(r).castTo(type).muli(epsilon) : null;
            this.leftRoot = order == 2 ? Nd4j.eye(r).castTo(type) : null;
            this.right = Nd4j.eye(c).castTo(type).muli(epsilon);
            this.rightRoot = Nd4j.eye(c).castTo(type);
            this.gradient = scratchA.get(NDArrayIndex.interval(0, (long) r * c)).reshape('c', r, c);
            this.product = scratchB.get(NDArrayIndex.interval(0, (long) r * c)).reshape('c', r, c);
            this.leftWorkspace = order == 2 ? workspaces.computeIfAbsent(r, InverseRoot.Workspace::new) : null;
            this.rightWorkspace = workspaces.computeIfAbsent(c, InverseRoot.Workspace::new);
        }

        long bytes() {
            long n = right.length() + rightRoot.length() + (left == null ? 0 : left.length() + leftRoot.length());
            return n * right.dataType().width();
        }
    }

    @Override
    public State init(Params params) {
        DataType type = params.dataType();
        BlockLayout[] layouts = new BlockLayout[params.size()];
        long largest = 1;
        for (int i = 0; i < params.size(); i++) {
            layouts[i] = BlockLayout.of(params.get(i).shape(), blockSize, mergeSmallDimsBlockSize,
                    skipDimSizeGreaterThan);
            for (BlockLayout.Block b : layouts[i].blocks()) {
                largest = Math.max(largest, (long) b.rows() * b.cols());
            }
        }
        INDArray scratchA = Nd4j.create(type, largest);
        INDArray scratchB = Nd4j.create(type, largest);
        BlockState[][] blocks = new BlockState[params.size()][];
        Map<Integer, InverseRoot.Workspace> workspaces = new HashMap<>();
        for (int i = 0; i < params.size(); i++) {
            List<BlockState> list = new ArrayList<>();
            for (BlockLayout.Block b : layouts[i].blocks()) {
                list.add(new BlockState(b, layouts[i].order(), type, matrixEpsilon, scratchA, scratchB, workspaces));
            }
            blocks[i] = list.toArray(new BlockState[0]);
        }
        return new State(layouts, blocks);
    }

    @Override
    public void update(Params updates, TransformState state, Params params) {
        State s = (State) state;
        boolean recompute = s.count % preconditioningComputeSteps == 0;
        double alpha = beta2 == 1.0 ? 1.0 : 1.0 - beta2;
        for (int i = 0; i < updates.size(); i++) {
            BlockLayout layout = s.layouts[i];
            if (!layout.preconditioned()) {
                continue;
            }
            INDArray entries = updates.value(i);
            for (BlockState b : s.blocks[i]) {
                copyBlock(entries, layout.cols(), b.block, b.gradient, true);
                if (layout.order() == 2) {
                    SymmetricKernels.rankUpdate(b.gradient, true, alpha, beta2, b.left);
                    SymmetricKernels.rankUpdate(b.gradient, false, alpha, beta2, b.right);
                    if (recompute) {
                        InverseRoot.into(b.left, matrixEpsilon, true, 4, b.leftWorkspace, b.leftRoot);
                        InverseRoot.into(b.right, matrixEpsilon, true, 4, b.rightWorkspace, b.rightRoot);
                    }
                    Nd4j.gemm(b.leftRoot, b.gradient, b.product, false, false, 1.0, 0.0);
                    Nd4j.gemm(b.product, b.rightRoot, b.gradient, false, false, 1.0, 0.0);
                    copyBlock(entries, layout.cols(), b.block, b.gradient, false);
                } else {
                    SymmetricKernels.rankUpdate(b.gradient, false, alpha, beta2, b.right);
                    if (recompute) {
                        InverseRoot.into(b.right, matrixEpsilon, true, 2, b.rightWorkspace, b.rightRoot);
                    }
                    Nd4j.gemm(b.gradient, b.rightRoot, b.product, false, false, 1.0, 0.0);
                    copyBlock(entries, layout.cols(), b.block, b.product, false);
                }
            }
        }
        s.count++;
    }

    /**
     * Copies a block between the tensor (C order, {@code cols} columns) and a contiguous block buffer, row by row
     * in bulk: into the buffer when {@code in}, back into the tensor otherwise.
     */
    private static void copyBlock(INDArray tensor, int cols, BlockLayout.Block k, INDArray block, boolean in) {
        int tensorOffset = (int) tensor.offset();
        int blockOffset = (int) block.offset();
        int width = k.cols();
        if (Elements.isDouble(tensor)) {
            DoubleBuffer t = Elements.doubles(tensor);
            DoubleBuffer b = Elements.doubles(block);
            for (int r = 0; r < k.rows(); r++) {
                int at = tensorOffset + (k.row0() + r) * cols + k.col0();
                int bt = blockOffset + r * width;
                if (in) {
                    b.put(bt, t, at, width);
                } else {
                    t.put(at, b, bt, width);
                }
            }
            return;
        }
        FloatBuffer t = Elements.floats(tensor);
        FloatBuffer b = Elements.floats(block);
        for (int r = 0; r < k.rows(); r++) {
            int at = tensorOffset + (k.row0() + r) * cols + k.col0();
            int bt = blockOffset + r * width;
            if (in) {
                b.put(bt, t, at, width);
            } else {
                t.put(at, b, bt, width);
            }
        }
    }
}
