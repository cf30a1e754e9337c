package org.optbench.submissions.precondition;

import static org.optbench.submissions.ReferenceOptimizers.nonNegative;
import static org.optbench.submissions.ReferenceOptimizers.openUnitUpper;
import static org.optbench.submissions.ReferenceOptimizers.unitLower;
import static org.optbench.submissions.ReferenceOptimizers.warmupCosine;
import static org.optbench.submissions.transform.Transforms.addDecayedWeights;
import static org.optbench.submissions.transform.Transforms.chain;
import static org.optbench.submissions.transform.Transforms.momentum;
import static org.optbench.submissions.transform.Transforms.scaleByLearningRate;

import org.optbench.api.BadInputException;
import org.optbench.api.HyperParameters;
import org.optbench.submissions.transform.Optimizer;

/**
 * The second-order reference optimizers as chains, built from AlgoPerf-style hyperparameters; registered in
 * {@link org.optbench.submissions.ReferenceOptimizers} as {@code shampoo}, {@code sonew}, {@code sonew_banded} and
 * {@code sketchy}. Every one takes {@code learning_rate} (peak), {@code one_minus_beta1}, {@code beta2},
 * {@code weight_decay} and {@code warmup_factor} (AlgoPerf's warm-up + cosine schedule over the step hint);
 * the optional ones below fall back to the documented defaults.
 */
public final class PreconditionedOptimizers {
    /** Shampoo's {@code block_size} default: blocks of at most 256×256 (Google's upstream default is 128). */
    public static final int DEFAULT_BLOCK_SIZE = 256;
    /** Shampoo's {@code matrix_epsilon} default (Google's). */
    public static final double DEFAULT_SHAMPOO_MATRIX_EPSILON = 1e-6;
    /** Shampoo's {@code diagonal_epsilon} default (the AlgoPerf fork's). */
    public static final double DEFAULT_DIAGONAL_EPSILON = 1e-8;
    /** Shampoo's {@code start_preconditioning_step} default: graft only for the first 10 steps. */
    public static final int DEFAULT_START_PRECONDITIONING_STEP = 10;
    /** Shampoo's {@code preconditioning_compute_steps} default: new roots every 10 steps. */
    public static final int DEFAULT_PRECONDITIONING_COMPUTE_STEPS = 10;
    /**
     * SONew's {@code matrix_epsilon} (relative damping) default. init2winit {@code tds} defaults to 1e-8, but with
     * so little damping the tridiagonal X ≈ H⁻¹ amplifies differences between neighbouring momenta by up to 1/ε and
     * the direction is noise (on the ill-conditioned test quadratic the loss fell 6 % in 300 steps, against 99.3 %
     * at 0.1); the paper tunes ε.
     */
    public static final double DEFAULT_SONEW_MATRIX_EPSILON = 0.1;
    /** SONew's {@code epsilon} (Adam graft) default, init2winit {@code tds}'s. */
    public static final double DEFAULT_SONEW_GRAFT_EPSILON = 1e-8;
    /** Banded SONew's {@code band_width} default. */
    public static final int DEFAULT_BAND_WIDTH = 4;
    /** Sketchy's {@code rank} default (tearfree's is 128; small models need less). */
    public static final int DEFAULT_RANK = 32;
    /** Sketchy's {@code matrix_epsilon} (relative ridge) default, tearfree's. */
    public static final double DEFAULT_SKETCHY_MATRIX_EPSILON = 1e-7;
    /** Sketchy's {@code graft_epsilon}, the RMSProp graft's ε inside the square root: tearfree's default. */
    public static final double DEFAULT_SKETCHY_GRAFT_EPSILON = 1e-23;

    private PreconditionedOptimizers() {
    }

    /**
     * Shampoo, Google {@code distributed_shampoo} semantics ({@code OPTIMIZERS.md} 4b):
     * {@code chain(ShampooDirection(ShampooPreconditioner), scaleByLearningRate)}. Optional: {@code block_size}
     * (256), {@code matrix_epsilon} (1e-6), {@code diagonal_epsilon} (1e-8), {@code start_preconditioning_step}
     * (10), {@code preconditioning_compute_steps} (10), {@code merge_small_dims_block_size} (0: off),
     * {@code skip_preconditioning_dim_size_gt} (4096: larger tensors take the graft), {@code nesterov} (true). Weight decay is coupled (added before momentum), as Google's default.
     */
    public static Optimizer shampoo(HyperParameters hp, long stepHint) {
        double beta1 = 1 - openUnitUpper(hp, "one_minus_beta1");
        double beta2 = beta2(hp);
        ShampooPreconditioner preconditioner = new ShampooPreconditioner(beta2,
                positive(hp, "matrix_epsilon", DEFAULT_SHAMPOO_MATRIX_EPSILON),
                atLeast(hp, "block_size", DEFAULT_BLOCK_SIZE, 0),
                atLeast(hp, "merge_small_dims_block_size", 0, 0),
                atLeast(hp, "preconditioning_compute_steps", DEFAULT_PRECONDITIONING_COMPUTE_STEPS, 1),
                atLeast(hp, "skip_preconditioning_dim_size_gt", (int) ShampooPreconditioner.DEFAULT_SKIP_DIM_SIZE, 1));
        return new Optimizer(chain(
                new ShampooDirection(preconditioner, beta1, beta2,
                        nonNegative(hp, "diagonal_epsilon", DEFAULT_DIAGONAL_EPSILON),
                        nonNegative(hp, "weight_decay"),
                        atLeast(hp, "start_preconditioning_step", DEFAULT_START_PRECONDITIONING_STEP, 0),
                        hp.getBoolean("nesterov", true)),
                scaleByLearningRate(warmupCosine(hp, stepHint))));
    }

    /**
     * Tridiagonal SONew, init2winit {@code tds} with Adam grafting ({@code OPTIMIZERS.md} 5b):
     * {@code chain(ScaleBySonew(b = 1), addDecayedWeights, scaleByLearningRate)}. Optional: {@code matrix_epsilon}
     * (relative damping, 0.1), {@code epsilon} (graft, 1e-8).
     */
    public static Optimizer sonew(HyperParameters hp, long stepHint) {
        return sonew(hp, stepHint, 1);
    }

    /** Banded SONew ({@code OPTIMIZERS.md} 5d): as {@link #sonew} with {@code band_width} (4). */
    public static Optimizer sonewBanded(HyperParameters hp, long stepHint) {
        return sonew(hp, stepHint, atLeast(hp, "band_width", DEFAULT_BAND_WIDTH, 1));
    }

    private static Optimizer sonew(HyperParameters hp, long stepHint, int bandWidth) {
        double beta1 = 1 - openUnitUpper(hp, "one_minus_beta1");
        return new Optimizer(chain(
                new ScaleBySonew(beta1, beta2(hp),
                        nonNegative(hp, "matrix_epsilon", DEFAULT_SONEW_MATRIX_EPSILON),
                        nonNegative(hp, "epsilon", DEFAULT_SONEW_GRAFT_EPSILON), bandWidth),
                addDecayedWeights(nonNegative(hp, "weight_decay")),
                scaleByLearningRate(warmupCosine(hp, stepHint))));
    }

    /**
     * Sketchy, tearfree's composition ({@code OPTIMIZERS.md} 6b) with the escaped mass decayed by β2:
     * {@code chain(ScaleBySketchy, momentum(μ = 1 − one_minus_beta1, Nesterov), addDecayedWeights,
     * scaleByLearningRate)}. Optional: {@code rank} (32), {@code matrix_epsilon} (1e-7), {@code graft_epsilon}
     * (1e-23), {@code start_preconditioning_step} (0). {@code beta2} serves the sketch and the RMSProp graft.
     */
    public static Optimizer sketchy(HyperParameters hp, long stepHint) {
        double mu = 1 - openUnitUpper(hp, "one_minus_beta1");
        return new Optimizer(chain(
                new ScaleBySketchy(beta2(hp), positive(hp, "matrix_epsilon", DEFAULT_SKETCHY_MATRIX_EPSILON),
                        nonNegative(hp, "graft_epsilon", DEFAULT_SKETCHY_GRAFT_EPSILON),
                        atLeast(hp, "rank", DEFAULT_RANK, 1),
                        atLeast(hp, "start_preconditioning_step", 0, 0)),
                momentum(mu, true),
                addDecayedWeights(nonNegative(hp, "weight_decay")),
                scaleByLearningRate(warmupCosine(hp, stepHint))));
    }

    private static double beta2(HyperParameters hp) {
        double beta2 = unitLower(hp, "beta2");
        if (beta2 == 0) {
            throw new BadInputException("hyperparameter 'beta2' must be in (0, 1), got 0.0");
        }
        return beta2;
    }

    private static double positive(HyperParameters hp, String name, double fallback) {
        double value = nonNegative(hp, name, fallback);
        if (value == 0) {
            throw new BadInputException("hyperparameter '" + name + "' must be > 0, got 0.0");
        }
        return value;
    }

    private static int atLeast(HyperParameters hp, String name, int fallback, int minimum) {
        int value = hp.getInt(name, fallback);
        if (value < minimum) {
            throw new BadInputException("hyperparameter '" + name + "' must be a whole number >= " + minimum
                    + ", got " + value);
        }
        return value;
    }
}
