package org.optbench.submissions.precondition;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Params;
import org.optbench.submissions.transform.Elements;
import org.optbench.submissions.transform.GradientTransformation;
import org.optbench.submissions.transform.TransformState;

/**
 * Sketchy's grafted second-order direction (tearfree {@code second_order} under an RMSProp {@code graft},
 * {@code OPTIMIZERS.md} 6b): per matrix, a {@link FrequentDirections} sketch per axis, and the direction rescaled
 * to the norm of the RMSProp graft. Chain momentum, weight decay and {@code −lr} after it.
 *
 * <pre>
 *   acc ← β2·acc + (1−β2)·g⊙g;   graft = g/√(acc + ε_g)                      (no bias correction)
 *   sketches updated with g (every step);   D = P_0 g P_1                           ({@link FrequentDirections})
 *   out = D·‖graft‖/‖D‖ (0 when ‖D‖ = 0)   if preconditioned and c ≥ start_preconditioning_step, else graft
 * </pre>
 *
 * Preconditioned tensors: rank ≥ 2 with every dimension ≤ 4096 (tearfree's rule); rank ≥ 3 is read as
 * {@code [d0, d1·d2·…]}. Vectors and scalars take the graft. No dimension merging and no blocking (tearfree's
 * Sketchy blocks nothing; its default merging of small dimensions is not done here). Scratch buffers (a copy of
 * the gradient, the k×m coefficients, each sketch's Gram workspace) are reused and not counted as state.
 */
public final class ScaleBySketchy implements GradientTransformation {
    /** Tearfree's bound: a tensor with a larger dimension gets the graft only. */
    public static final int MAX_DIMENSION = 4096;

    private final double beta2;
    private final double epsilon;
    private final double graftEpsilon;
    private final int rank;
    private final long startPreconditioningStep;

    /**
     * @param beta2 decay of the sketched statistics and of the graft's accumulator
     * @param epsilon relative ridge ε of the sketch (tearfree default 1e−7)
     * @param graftEpsilon ε_g inside the graft's square root (tearfree default 1e−23)
     * @param rank the sketch rank k
     * @param startPreconditioningStep first 0-based step that uses the sketched direction
     */
    public ScaleBySketchy(double beta2, double epsilon, double graftEpsilon, int rank, long startPreconditioningStep) {
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be at least 1, got " + rank);
        }
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.graftEpsilon = graftEpsilon;
        this.rank = rank;
        this.startPreconditioningStep = startPreconditioningStep;
    }

    /** The graft accumulator, the sketches of each preconditioned tensor, and the step counter. */
    public static final class State implements TransformState {
        private final Params accumulator;
        private final FrequentDirections[] left;
        private final FrequentDirections[] right;
        private final INDArray[] direction;
        private final INDArray[] leftCoefficients;
        private final INDArray[] rightCoefficients;
        private final float[][] chunks = new float[3][Elements.CHUNK];
        private long count;

        State(Params params, int rank) {
            DataType type = params.dataType();
            int size = params.size();
            this.accumulator = params.zerosLike();
            this.left = new FrequentDirections[size];
            this.right = new FrequentDirections[size];
            this.direction = new INDArray[size];
            this.leftCoefficients = new INDArray[size];
            this.rightCoefficients = new INDArray[size];
            for (int i = 0; i < size; i++) {
                long[] shape = params.get(i).shape();
                if (shape.length < 2) {
                    continue;
                }
                long rows = shape[0];
                long cols = params.value(i).length() / rows;
                if (rows > MAX_DIMENSION || cols > MAX_DIMENSION) {
                    continue;
                }
                int m = (int) rows;
                int n = (int) cols;
                left[i] = new FrequentDirections(m, n, rank, type);
                right[i] = new FrequentDirections(n, m, rank, type);
                direction[i] = Nd4j.create(type, m, n);
                leftCoefficients[i] = Nd4j.create(type, left[i].rank(), n);
                rightCoefficients[i] = Nd4j.create(type, m, right[i].rank());
            }
        }

        /** The sketch of axis {@code axis} (0 or 1) of tensor {@code i}, or null when it is not preconditioned. */
        public FrequentDirections sketch(int i, int axis) {
            return axis == 0 ? left[i] : right[i];
        }

        /** The steps done so far. */
        public long count() {
            return count;
        }

        /** The graft accumulator and both sketches of each preconditioned tensor. */
        @Override
        public long stateBytes() {
            return accumulator.numElements() * accumulator.dataType().width() + sketchBytes();
        }

        /**
         * The preconditioner's part of {@link #stateBytes()}: both sketches of each preconditioned tensor, without
         * the graft's accumulator (the part to set against Shampoo's statistics and roots,
         * {@link ShampooPreconditioner.State#stateBytes()}).
         */
        public long sketchBytes() {
            long bytes = 0;
            for (int i = 0; i < left.length; i++) {
                if (left[i] != null) {
                    bytes += left[i].stateBytes() + right[i].stateBytes();
                }
            }
            return bytes;
        }
    }

    @Override
    public State init(Params params) {
        return new State(params, rank);
    }

    @Override
    public void update(Params updates, TransformState state, Params params) {
        State s = (State) state;
        boolean run = s.count >= startPreconditioningStep;
        for (int i = 0; i < updates.size(); i++) {
            INDArray g = updates.value(i);
            boolean preconditioned = s.left[i] != null;
            INDArray matrix = s.direction[i];
            if (preconditioned) {
                Elements.copy(g, matrix);
                s.left[i].update(matrix, false, beta2, epsilon, 4);
                s.right[i].update(matrix, true, beta2, epsilon, 4);
            }
            double graftSquares = graft(g, s.accumulator.value(i), s.chunks);
            if (!preconditioned || !run) {
                continue;
            }
            s.left[i].apply(matrix, false, s.leftCoefficients[i]);
            s.right[i].apply(matrix, true, s.rightCoefficients[i]);
            double norm = Math.sqrt(Elements.sumOfSquares(matrix));
            double scale = norm > 0 ? Math.sqrt(graftSquares) / norm : 0.0;
            Elements.combine(g, scale, matrix, 0.0, matrix);
        }
        s.count++;
    }

    /**
     * {@code acc ← β2·acc + (1−β2)·g⊙g;  g ← g/√(acc + ε_g)}; returns ‖g‖² after. Float tensors in float
     * arithmetic, chunk by chunk through heap arrays; double tensors element by element.
     */
    private double graft(INDArray gArr, INDArray accArr, float[][] chunks) {
        int n = (int) gArr.length();
        int go = (int) gArr.offset();
        int ao = (int) accArr.offset();
        double squares = 0;
        if (Elements.isDouble(gArr)) {
            java.nio.DoubleBuffer g = Elements.doubles(gArr);
            java.nio.DoubleBuffer acc = Elements.doubles(accArr);
            for (int j = 0; j < n; j++) {
                double gj = g.get(go + j);
                double a = beta2 * acc.get(ao + j) + (1 - beta2) * gj * gj;
                acc.put(ao + j, a);
                double graft = gj / Math.sqrt(a + graftEpsilon);
                squares += graft * graft;
                g.put(go + j, graft);
            }
            return squares;
        }
        java.nio.FloatBuffer g = Elements.floats(gArr);
        java.nio.FloatBuffer acc = Elements.floats(accArr);
        float[] gc = chunks[0];
        float[] ac = chunks[1];
        float[] lanes = chunks[2];
        java.util.Arrays.fill(lanes, 0f);
        float b2 = (float) beta2;
        float omb2 = (float) (1 - beta2);
        float eps = (float) graftEpsilon;
        for (int start = 0; start < n; start += Elements.CHUNK) {
            int len = Math.min(Elements.CHUNK, n - start);
            g.get(go + start, gc, 0, len);
            acc.get(ao + start, ac, 0, len);
            for (int k = 0; k < len; k++) {
                float a = b2 * ac[k] + omb2 * gc[k] * gc[k];
                ac[k] = a;
                float graft = gc[k] / (float) Math.sqrt(a + eps);
                gc[k] = graft;
                lanes[k] += graft * graft;
            }
            acc.put(ao + start, ac, 0, len);
            g.put(go + start, gc, 0, len);
        }
        for (int k = 0; k < Elements.CHUNK; k++) {
            squares += lanes[k];
        }
        return squares;
    }
}
