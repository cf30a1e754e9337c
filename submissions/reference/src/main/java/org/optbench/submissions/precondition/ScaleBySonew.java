package org.optbench.submissions.precondition;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Params;
import org.optbench.submissions.transform.Elements;
import org.optbench.submissions.transform.GradientTransformation;
import org.optbench.submissions.transform.TransformState;

/**
 * SONew (Devvrit et al. 2023, arXiv 2311.10085) with init2winit {@code precondition_by_tds} semantics
 * ({@code OPTIMIZERS.md} 5b) and Adam grafting (graft type 1); band width 1 is the tridiagonal {@code tds}, wider
 * bands use {@link BandedLogDet} (5d). Output: the grafted direction; chain weight decay and {@code −lr} after it.
 *
 * <pre>
 *   ĝ = vec(g) column-major;  m ← β1 m + (1−β1) g
 *   ν_d ← β2 ν_d + (1−β2) ĝ⊙ĝ;   ν_e[i,j] ← β2 ν_e[i,j] + (1−β2) ĝ_i ĝ_{i+j+1}   (j &lt; b)
 *   m̂ = m/(1−β1^t),  ν̂ = ν/(1−β2^t)                                                 (t = step, 1-based)
 *   H = band(ν̂) with diagonal ν̂_d + max(ε·ℓ, 1e−24)      (relative damping)
 *       ℓ (b = 1, tds's "l1 norm") = max(ν̂_d[0] + |ν̂_e[0]|, max_{i≥1} ν̂_d[i] + |ν̂_e[i−1]|)
 *       ℓ (b &gt; 1) = max_i Σ_j |band(ν̂)[i,j]|, the band's ∞-norm
 *   u = X·vec(m̂),  X the LogDet solution for H ({@link TridiagonalLogDet}, {@link BandedLogDet})
 *   a = vec(m̂)/(√ν̂_d + ε_g);   u ← u·‖a‖/(‖u‖ + 1e−12)                       (Adam grafting, per tensor)
 *   tensors of rank ≤ 1 output the Adam direction a instead of u
 * </pre>
 *
 * State per tensor of n entries: m, ν_d, ν_e: 3n − 1 floats for b = 1, (b + 2)·n for the band; 2n for rank ≤ 1.
 * The per-step path allocates nothing. Float32 parameters with b = 1 run in float arithmetic on heap state
 * ({@link SonewFloatTensor}); float64 parameters and the band run in double over the tensors' buffers with double
 * scratch arrays, sized for the largest tensor, reused.
 */
public final class ScaleBySonew implements GradientTransformation {
    private static final double MIN_DAMPING = 1e-24;
    private static final double GRAFT_NORM_FLOOR = 1e-12;

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double graftEpsilon;
    private final int bandWidth;

    /**
     * @param beta1 first-moment factor β1
     * @param beta2 second-moment factor β2
     * @param epsilon relative damping ε
     * @param graftEpsilon ε_g of the Adam graft
     * @param bandWidth b ≥ 1 (1: tridiagonal)
     */
    public ScaleBySonew(double beta1, double beta2, double epsilon, double graftEpsilon, int bandWidth) {
        if (bandWidth < 1) {
            throw new IllegalArgumentException("band_width must be at least 1, got " + bandWidth);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.graftEpsilon = graftEpsilon;
        this.bandWidth = bandWidth;
    }

    /** Moments per tensor, the step counter, and reusable double scratch (not counted in the state bytes). */
    public static final class State implements TransformState {
        private final Params momentum;
        private final INDArray[] diagonal;
        private final INDArray[] band;
        private final ColumnMajor[] flattening;
        private long count;
        // scratch
        private final double[] gradient;
        private final double[] direction;
        private final double[] damped;
        private final double[] offDiagonal;
        private final double[] psi;
        private final int[] neighbours;
        private final double[] inverseVariance;
        private final double[] work;
        private final double[] preconditioned;
        private final BandedLogDet banded;
        private final double[] values;
        private final double[] moments;
        private final double[] diagonalValues;
        private final double[] bandValues;

        // float32 and b = 1: per-tensor heap state and float scratch instead of everything above
        private final SonewFloatTensor[] floatTensors;
        private final SonewFloatTensor.Coefficients coefficients;
        private final float[] floatWork;
        private final float[] floatZ;
        private final float[] floatPsi;
        private final SonewFloatTensor.Scratch accumulators;

        State(Params params, int bandWidth) {
            DataType type = params.dataType();
            int size = params.size();
            if (type == DataType.FLOAT && bandWidth == 1) {
                this.floatTensors = new SonewFloatTensor[size];
                int largest = 1;
                for (int i = 0; i < size; i++) {
                    floatTensors[i] = new SonewFloatTensor(params.get(i).shape());
                    largest = Math.max(largest, floatTensors[i].length());
                }
                this.coefficients = new SonewFloatTensor.Coefficients();
                this.floatWork = new float[largest];
                this.floatZ = new float[largest];
                this.floatPsi = new float[largest];
                this.accumulators = new SonewFloatTensor.Scratch();
                this.momentum = null;
                this.diagonal = null;
                this.band = null;
                this.flattening = null;
                this.gradient = null;
                this.direction = null;
                this.damped = null;
                this.offDiagonal = null;
                this.psi = null;
                this.neighbours = null;
                this.inverseVariance = null;
                this.work = null;
                this.preconditioned = null;
                this.banded = null;
                this.values = null;
                this.moments = null;
                this.diagonalValues = null;
                this.bandValues = null;
                return;
            }
            this.floatTensors = null;
            this.coefficients = null;
            this.floatWork = null;
            this.floatZ = null;
            this.floatPsi = null;
            this.accumulators = null;
            this.momentum = params.zerosLike();
            this.diagonal = new INDArray[size];
            this.band = new INDArray[size];
            this.flattening = new ColumnMajor[size];
            int largest = 1;
            for (int i = 0; i < size; i++) {
                int n = (int) params.value(i).length();
                largest = Math.max(largest, n);
                flattening[i] = new ColumnMajor(params.get(i).shape());
                diagonal[i] = Nd4j.zeros(type, n);
                if (params.get(i).shape().length >= 2 && n > 1) {
                    band[i] = Nd4j.zeros(type, bandWidth == 1 ? n - 1 : (long) n * bandWidth);
                }
            }
            this.gradient = new double[largest];
            this.direction = new double[largest];
            this.damped = new double[largest];
            this.offDiagonal = new double[largest * bandWidth];
            this.psi = new double[largest * bandWidth];
            this.neighbours = new int[largest];
            this.inverseVariance = new double[largest];
            this.work = new double[largest];
            this.preconditioned = new double[largest];
            this.banded = bandWidth > 1 ? new BandedLogDet(bandWidth) : null;
            this.values = new double[largest];
            this.moments = new double[largest];
            this.diagonalValues = new double[largest];
            this.bandValues = new double[largest * bandWidth];
        }

        /** The steps done so far. */
        public long count() {
            return count;
        }

        @Override
        public long stateBytes() {
            if (floatTensors != null) {
                long floats = 0;
                for (SonewFloatTensor t : floatTensors) {
                    floats += t.stateFloats();
                }
                return floats * Float.BYTES;
            }
            long floats = momentum.numElements();
            for (int i = 0; i < diagonal.length; i++) {
                floats += diagonal[i].length() + (band[i] == null ? 0 : band[i].length());
            }
            return floats * momentum.dataType().width();
        }
    }

    @Override
    public State init(Params params) {
        return new State(params, bandWidth);
    }

    @Override
    public void update(Params updates, TransformState state, Params params) {
        State s = (State) state;
        s.count++;
        if (s.floatTensors != null) {
            s.coefficients.set(beta1, beta2, epsilon, graftEpsilon, s.count);
            for (int i = 0; i < updates.size(); i++) {
                INDArray u = updates.value(i);
                checkContiguous(u);
                s.floatTensors[i].step(Elements.floats(u), (int) u.offset(), s.coefficients, s.floatWork, s.floatZ,
                        s.floatPsi, s.accumulators);
            }
            return;
        }
        double firstCorrection = 1.0 - Math.pow(beta1, s.count);
        double secondCorrection = 1.0 - Math.pow(beta2, s.count);
        for (int i = 0; i < updates.size(); i++) {
            INDArray gArr = updates.value(i);
            checkContiguous(gArr);
            int n = (int) gArr.length();
            // heap copies of the tensor (C order) and of its moments; written back in bulk
            double[] g = s.values;
            double[] m = s.moments;
            double[] nuD = s.diagonalValues;
            TensorBuffer.read(gArr, g, n);
            TensorBuffer.read(s.momentum.value(i), m, n);
            TensorBuffer.read(s.diagonal[i], nuD, n);
            for (int j = 0; j < n; j++) {
                m[j] = beta1 * m[j] + (1 - beta1) * g[j];
            }
            TensorBuffer.write(m, n, s.momentum.value(i));
            if (s.band[i] == null) {
                for (int j = 0; j < n; j++) {
                    double gj = g[j];
                    double nu = beta2 * nuD[j] + (1 - beta2) * gj * gj;
                    nuD[j] = nu;
                    double mHat = m[j] / firstCorrection;
                    g[j] = mHat / (Math.sqrt(nu / secondCorrection) + graftEpsilon);
                }
                TensorBuffer.write(nuD, n, s.diagonal[i]);
                TensorBuffer.write(g, n, gArr);
                continue;
            }
            ColumnMajor flat = s.flattening[i];
            double[] gHat = s.gradient;
            flat.gather(g, 1.0, gHat);
            for (int k = 0; k < n; k++) {
                double nu = beta2 * nuD[k] + (1 - beta2) * gHat[k] * gHat[k];
                nuD[k] = nu;
                s.damped[k] = nu / secondCorrection;
            }
            TensorBuffer.write(nuD, n, s.diagonal[i]);
            int bandLength = (int) s.band[i].length();
            double[] nuBand = s.bandValues;
            TensorBuffer.read(s.band[i], nuBand, bandLength);
            double normBound = bandWidth == 1
                    ? tridiagonalStatistics(s, nuBand, gHat, n, secondCorrection)
                    : bandStatistics(s, nuBand, gHat, n, secondCorrection);
            TensorBuffer.write(nuBand, bandLength, s.band[i]);
            double damping = Math.max(epsilon * normBound, MIN_DAMPING);
            // Adam graft from the undamped diagonal, before damping it.
            double[] v = s.direction;
            flat.gather(m, 1.0 / firstCorrection, v);
            double adamSquares = 0;
            for (int k = 0; k < n; k++) {
                double a = v[k] / (Math.sqrt(s.damped[k]) + graftEpsilon);
                adamSquares += a * a;
                s.damped[k] += damping;
            }
            double[] u = s.preconditioned;
            if (bandWidth == 1) {
                TridiagonalLogDet.factor(s.damped, s.offDiagonal, n, s.psi, s.inverseVariance);
                TridiagonalLogDet.apply(s.psi, s.inverseVariance, n, v, u);
            } else {
                s.banded.factor(s.damped, s.offDiagonal, n, s.psi, s.neighbours, s.inverseVariance);
                s.banded.apply(s.psi, s.neighbours, s.inverseVariance, n, v, s.work, u);
            }
            double directionSquares = 0;
            for (int k = 0; k < n; k++) {
                directionSquares += u[k] * u[k];
            }
            double graft = Math.sqrt(adamSquares) / (Math.sqrt(directionSquares) + GRAFT_NORM_FLOOR);
            flat.scatter(u, graft, g);
            TensorBuffer.write(g, n, gArr);
        }
    }

    private static void checkContiguous(INDArray array) {
        if (array.length() > 1 && (array.ordering() != 'c' || array.elementWiseStride() != 1)) {
            throw new IllegalArgumentException("tensor must be contiguous in C order");
        }
    }

    /** Updates ν_e (n−1 entries), writes ν̂_e to the scratch and returns tds's row-sum bound ℓ. */
    private double tridiagonalStatistics(State s, double[] nuBand, double[] gHat, int n, double correction) {
        for (int k = 0; k < n - 1; k++) {
            double nu = beta2 * nuBand[k] + (1 - beta2) * gHat[k] * gHat[k + 1];
            nuBand[k] = nu;
            s.offDiagonal[k] = nu / correction;
        }
        double bound = s.damped[0] + (n > 1 ? Math.abs(s.offDiagonal[0]) : 0);
        for (int k = 1; k < n; k++) {
            bound = Math.max(bound, s.damped[k] + Math.abs(s.offDiagonal[k - 1]));
        }
        return bound;
    }

    /** Updates ν_e (n×b), writes ν̂_e to the scratch and returns the band's ∞-norm. */
    private double bandStatistics(State s, double[] nuBand, double[] gHat, int n, double correction) {
        int b = bandWidth;
        double[] rowSums = s.work;
        System.arraycopy(s.damped, 0, rowSums, 0, n);
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < b; j++) {
                int index = k * b + j;
                int other = k + j + 1;
                if (other < n) {
                    double nu = beta2 * nuBand[index] + (1 - beta2) * gHat[k] * gHat[other];
                    nuBand[index] = nu;
                    double hat = nu / correction;
                    s.offDiagonal[index] = hat;
                    rowSums[k] += Math.abs(hat);
                    rowSums[other] += Math.abs(hat);
                } else {
                    s.offDiagonal[index] = 0;
                }
            }
        }
        double bound = 0;
        for (int k = 0; k < n; k++) {
            bound = Math.max(bound, rowSums[k]);
        }
        return bound;
    }
}
