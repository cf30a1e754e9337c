package org.optbench.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.optbench.api.ParameterType;
import org.optbench.api.Params;
import org.optbench.submissions.precondition.BlockLayout;
import org.optbench.submissions.precondition.InverseRoot;
import org.optbench.submissions.precondition.ShampooDirection;
import org.optbench.submissions.precondition.ShampooPreconditioner;
import org.optbench.submissions.precondition.SymmetricKernels;

/**
 * Where a float32 Shampoo step on the mnist_mlp parameter set (269,322 floats) goes, for block size b:
 * <ul>
 *   <li>{@code sgemm}: one b×b by b×b float32 gemm into a preallocated output (2b³ flops): this machine's
 *       single-thread throughput at the block shape;</li>
 *   <li>{@code statistics}: L ← β2 L + (1−β2) G Gᵀ and R ← … Gᵀ G for every block (2 symmetric rank-k updates
 *       of the upper triangle per matrix block, 1 per vector block, as the preconditioner does them);</li>
 *   <li>{@code preconditioning}: L^(−1/4) G R^(−1/4) for every block (2 gemm calls; 1 for vectors);</li>
 *   <li>{@code roots}: every block side's float64 inverse root (symmetric eigendecomposition), what a root step adds;
 *       divided by {@code preconditioning_compute_steps} it is the amortised share;</li>
 *   <li>{@code preconditioner}: {@link ShampooPreconditioner#update} on a step without roots (statistics,
 *       preconditioning, block copies);</li>
 *   <li>{@code direction}: {@link ShampooDirection#update} on a step without roots (the above plus graft, two
 *       momenta and Nesterov, as the optimizer's first link).</li>
 * </ul>
 * The last two copy the fixed gradient into the update buffer first (six assign calls), so that every call sees the
 * same input. Flop counts per step are {@code Σ_blocks 4rc(r+c)} for statistics plus preconditioning
 * ({@code ≈ 8·N·b} for square blocks).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Xmn32m", "-XX:+UseSerialGC"})
public class ShampooBreakdownBenchmark {
    private static final int[] WIDTHS = {784, 256, 256, 10};
    private static final int NEVER = Integer.MAX_VALUE;

    @Param({"128", "256"})
    public int blockSize;

    private INDArray a;
    private INDArray b;
    private INDArray c;
    private final List<INDArray[]> blocks = new ArrayList<>();
    private final List<InverseRoot.Workspace> workspaces = new ArrayList<>();
    private final List<INDArray> statistics = new ArrayList<>();
    private final List<INDArray> roots = new ArrayList<>();
    private Params params;
    private Params gradients;
    private Params updates;
    private ShampooPreconditioner preconditioner;
    private ShampooPreconditioner.State preconditionerState;
    private ShampooDirection direction;
    private ShampooDirection.State directionState;

    @Setup(Level.Trial)
    public void setUp() {
        Nd4j.getRandom().setSeed(0);
        a = Nd4j.randn(DataType.FLOAT, blockSize, blockSize);
        b = Nd4j.randn(DataType.FLOAT, blockSize, blockSize);
        c = Nd4j.create(DataType.FLOAT, blockSize, blockSize);
        Params.Builder builder = Params.builder();
        for (int i = 0; i + 1 < WIDTHS.length; i++) {
            builder.add("dense_" + i + "/kernel", ParameterType.WEIGHT,
                    Nd4j.randn(DataType.FLOAT, WIDTHS[i], WIDTHS[i + 1]).muli(0.05));
            builder.add("dense_" + i + "/bias", ParameterType.BIAS, Nd4j.zeros(DataType.FLOAT, WIDTHS[i + 1]));
        }
        params = builder.build();
        gradients = params.zerosLike();
        for (int i = 0; i < gradients.size(); i++) {
            gradients.value(i).assign(Nd4j.randn(DataType.FLOAT, gradients.value(i).shape()).muli(1e-3));
        }
        updates = params.zerosLike();
        for (int i = 0; i < params.size(); i++) {
            BlockLayout layout = BlockLayout.of(params.get(i).shape(), blockSize, 0);
            for (BlockLayout.Block k : layout.blocks()) {
                int r = layout.order() == 2 ? k.rows() : 1;
                INDArray g = Nd4j.randn(DataType.FLOAT, r, k.cols()).muli(1e-3);
                INDArray right = Nd4j.eye(k.cols()).castTo(DataType.FLOAT);
                INDArray left = r > 1 ? Nd4j.eye(r).castTo(DataType.FLOAT) : null;
                blocks.add(new INDArray[] {g, left, right, Nd4j.create(DataType.FLOAT, r, k.cols())});
                addRoot(right, g, true);
                if (left != null) {
                    addRoot(left, g, false);
                }
            }
        }
        preconditioner = new ShampooPreconditioner(0.999, 1e-6, blockSize, 0, NEVER);
        preconditionerState = preconditioner.init(params);
        direction = new ShampooDirection(new ShampooPreconditioner(0.999, 1e-6, blockSize, 0, NEVER), 0.9, 0.999,
                1e-8, 0.0, 0, true);
        directionState = direction.init(params);
        copyGradients();
        preconditioner.update(updates, preconditionerState, params);
        copyGradients();
        direction.update(updates, directionState, params);
    }

    /** A statistic with a spread spectrum (ε·I + G Gᵀ or Gᵀ G), its root buffer and workspace. */
    private void addRoot(INDArray identity, INDArray g, boolean right) {
        INDArray statistic = identity.mul(1e-6);
        Nd4j.gemm(g, g, statistic, right, !right, 1.0, 1.0);
        statistics.add(statistic);
        roots.add(Nd4j.create(DataType.FLOAT, statistic.shape()));
        workspaces.add(new InverseRoot.Workspace((int) statistic.rows()));
    }

    private void copyGradients() {
        for (int i = 0; i < updates.size(); i++) {
            updates.value(i).assign(gradients.value(i));
        }
    }

    @Benchmark
    public INDArray sgemm() {
        return Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
    }

    @Benchmark
    public int statistics() {
        for (INDArray[] k : blocks) {
            if (k[1] != null) {
                SymmetricKernels.rankUpdate(k[0], true, 0.001, 0.999, k[1]);
            }
            SymmetricKernels.rankUpdate(k[0], false, 0.001, 0.999, k[2]);
        }
        return blocks.size();
    }

    @Benchmark
    public int preconditioning() {
        for (INDArray[] k : blocks) {
            if (k[1] != null) {
                Nd4j.gemm(k[1], k[0], k[3], false, false, 1.0, 0.0);
                Nd4j.gemm(k[3], k[2], k[0], false, false, 1.0, 0.0);
            } else {
                Nd4j.gemm(k[0], k[2], k[3], false, false, 1.0, 0.0);
            }
        }
        return blocks.size();
    }

    @Benchmark
    public int roots() {
        int written = 0;
        for (int i = 0; i < statistics.size(); i++) {
            if (InverseRoot.into(statistics.get(i), 1e-6, true, 4, workspaces.get(i), roots.get(i))) {
                written++;
            }
        }
        return written;
    }

    @Benchmark
    public Params preconditioner() {
        copyGradients();
        preconditioner.update(updates, preconditionerState, params);
        return updates;
    }

    @Benchmark
    public Params direction() {
        copyGradients();
        direction.update(updates, directionState, params);
        return updates;
    }
}
