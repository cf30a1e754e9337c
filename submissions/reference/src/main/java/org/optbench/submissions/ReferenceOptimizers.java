package org.optbench.submissions;

import static org.optbench.submissions.transform.Transforms.addDecayedWeights;
import static org.optbench.submissions.transform.Transforms.chain;
import static org.optbench.submissions.transform.Transforms.momentum;
import static org.optbench.submissions.transform.Transforms.scaleByAdam;
import static org.optbench.submissions.transform.Transforms.scaleByLearningRate;
import static org.optbench.submissions.transform.Transforms.scheduleFree;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.optbench.api.BadInputException;
import org.optbench.api.HyperParameters;
import org.optbench.submissions.precondition.PreconditionedOptimizers;
import org.optbench.submissions.transform.Optimizer;
import org.optbench.submissions.transform.Schedule;

/**
 * The reference optimizers by name, built from AlgoPerf-style hyperparameters. Researchers use it in their own
 * loops; the built-in submissions are a few lines over it.
 *
 * <pre>{@code
 * Optimizer adamw = ReferenceOptimizers.create("adamw", HyperParameters.of(Map.of(
 *         "learning_rate", 1e-3, "one_minus_beta1", 0.1, "beta2", 0.999,
 *         "weight_decay", 0.01, "warmup_factor", 0.05)), stepHint);
 * Optimizer.State state = adamw.init(params);
 * for (long step = 0; step < stepHint; step++) {
 *     adamw.step(params, gradientsAt(params), state);
 * }
 * }</pre>
 *
 * <p>To add an optimizer, write its {@link OptimizerFactory} and add one line to {@link #registry()}.
 *
 * <p>Hyperparameter names follow AlgoPerf's baselines: {@code learning_rate} (peak), {@code one_minus_beta1}
 * (beta1 = 1 - it; for SGD the momentum), {@code beta2}, {@code epsilon} (optional, 1e-8), {@code weight_decay},
 * {@code warmup_factor} (fraction of the step hint). Names an optimizer does not use are ignored (AlgoPerf search
 * spaces also carry {@code dropout_rate} and {@code label_smoothing}).
 */
public final class ReferenceOptimizers {
    /** The default of the optional {@code epsilon}, as PyTorch's and AlgoPerf's. */
    public static final double DEFAULT_EPSILON = 1e-8;
    /** The default of Schedule-Free's optional {@code r}, as AlgoPerf's Schedule-Free AdamW submissions. */
    public static final double DEFAULT_SCHEDULE_FREE_R = 0.75;
    /** The default of Schedule-Free's optional {@code weight_lr_power}, as the reference code's. */
    public static final double DEFAULT_WEIGHT_LR_POWER = 2.0;

    private static final Map<String, OptimizerFactory> REGISTRY = registry();

    private ReferenceOptimizers() {
    }

    private static Map<String, OptimizerFactory> registry() {
        Map<String, OptimizerFactory> factories = new LinkedHashMap<>();
        factories.put("adamw", ReferenceOptimizers::adamw);
        factories.put("nadamw", ReferenceOptimizers::nadamw);
        factories.put("sgd_momentum", ReferenceOptimizers::sgdMomentum);
        factories.put("sgd_nesterov", ReferenceOptimizers::sgdNesterov);
        factories.put("schedule_free_adamw", ReferenceOptimizers::scheduleFreeAdamW);
        factories.put("shampoo", PreconditionedOptimizers::shampoo);
        factories.put("sonew", PreconditionedOptimizers::sonew);
        factories.put("sonew_banded", PreconditionedOptimizers::sonewBanded);
        factories.put("sketchy", PreconditionedOptimizers::sketchy);
        return Collections.unmodifiableMap(factories);
    }

    /**
     * The optimizer of this name for these hyperparameters, its schedule laid out over {@code stepHint}.
     *
     * @throws BadInputException for an unknown name (the message lists the known ones), a missing hyperparameter
     *     or a value out of range
     */
    public static Optimizer create(String name, HyperParameters hyperParameters, long stepHint) {
        OptimizerFactory factory = REGISTRY.get(name);
        if (factory == null) {
            throw new BadInputException("unknown optimizer '" + name + "'; known: " + String.join(", ", names()));
        }
        if (stepHint < 1) {
            throw new BadInputException("step hint must be at least 1, got " + stepHint);
        }
        return factory.create(hyperParameters, stepHint);
    }

    /** The known names, in registration order. */
    public static Set<String> names() {
        return REGISTRY.keySet();
    }

    /**
     * AdamW, PyTorch semantics, with AlgoPerf's warm-up + cosine schedule: {@code chain(scaleByAdam,
     * addDecayedWeights, scaleByLearningRate)}. OPTIMIZERS.md section 1.
     */
    public static Optimizer adamw(HyperParameters hp, long stepHint) {
        return adam(hp, stepHint, false);
    }

    /** NAdamW as AlgoPerf's baseline: AdamW with the Nesterov first moment. OPTIMIZERS.md section 2a. */
    public static Optimizer nadamw(HyperParameters hp, long stepHint) {
        return adam(hp, stepHint, true);
    }

    private static Optimizer adam(HyperParameters hp, long stepHint, boolean nesterov) {
        double beta1 = 1 - openUnitUpper(hp, "one_minus_beta1");
        double beta2 = unitLower(hp, "beta2");
        double epsilon = nonNegative(hp, "epsilon", DEFAULT_EPSILON);
        double weightDecay = nonNegative(hp, "weight_decay");
        return new Optimizer(chain(
                scaleByAdam(beta1, beta2, epsilon, nesterov),
                addDecayedWeights(weightDecay),
                scaleByLearningRate(warmupCosine(hp, stepHint))));
    }

    /**
     * SGD with PyTorch heavy-ball momentum and coupled L2 weight decay, AlgoPerf's warm-up + cosine schedule:
     * {@code chain(addDecayedWeights, momentum, scaleByLearningRate)}. OPTIMIZERS.md section 3.
     */
    public static Optimizer sgdMomentum(HyperParameters hp, long stepHint) {
        return sgd(hp, stepHint, false);
    }

    /** As {@link #sgdMomentum} with Nesterov momentum. OPTIMIZERS.md section 3. */
    public static Optimizer sgdNesterov(HyperParameters hp, long stepHint) {
        return sgd(hp, stepHint, true);
    }

    private static Optimizer sgd(HyperParameters hp, long stepHint, boolean nesterov) {
        double mu = 1 - openUnitUpper(hp, "one_minus_beta1");
        double weightDecay = nonNegative(hp, "weight_decay");
        return new Optimizer(chain(
                addDecayedWeights(weightDecay),
                momentum(mu, nesterov),
                scaleByLearningRate(warmupCosine(hp, stepHint))));
    }

    /**
     * Schedule-Free AdamW (OPTIMIZERS.md section 7): Schedule-Free averaging around an RMSProp step with bias
     * correction and LR-scaled weight decay at {@code y}, with the reference code's linear warm-up over
     * {@code int(warmup_factor * stepHint)} steps and no decay. Optional: {@code r} (default 0.75),
     * {@code weight_lr_power} (default 2). Evaluate after {@link Optimizer#prepareForEval}.
     */
    public static Optimizer scheduleFreeAdamW(HyperParameters hp, long stepHint) {
        double learningRate = nonNegative(hp, "learning_rate");
        double beta1 = 1 - openUnitUpper(hp, "one_minus_beta1");
        double beta2 = unitLower(hp, "beta2");
        double epsilon = nonNegative(hp, "epsilon", DEFAULT_EPSILON);
        double weightDecay = nonNegative(hp, "weight_decay");
        double warmupFactor = warmupFactor(hp);
        double r = nonNegative(hp, "r", DEFAULT_SCHEDULE_FREE_R);
        double weightLrPower = nonNegative(hp, "weight_lr_power", DEFAULT_WEIGHT_LR_POWER);
        Schedule schedule = Schedule.linearWarmupFromFirstStep(learningRate, (long) (warmupFactor * stepHint));
        return new Optimizer(scheduleFree(
                chain(scaleByAdam(0, beta2, epsilon, false), addDecayedWeights(weightDecay),
                        scaleByLearningRate(schedule)),
                schedule, beta1, r, weightLrPower));
    }

    /** AlgoPerf's warm-up + cosine schedule from {@code learning_rate} and {@code warmup_factor}. */
    public static Schedule warmupCosine(HyperParameters hp, long stepHint) {
        return Schedule.warmupCosineDecay(nonNegative(hp, "learning_rate"), warmupFactor(hp), stepHint);
    }

    private static double warmupFactor(HyperParameters hp) {
        double value = hp.getDouble("warmup_factor");
        if (!(value >= 0 && value <= 1)) {
            throw outOfRange("warmup_factor", "in [0, 1]", value);
        }
        return value;
    }

    /** A number in (0, 1], such as {@code one_minus_beta1}. */
    public static double openUnitUpper(HyperParameters hp, String name) {
        double value = hp.getDouble(name);
        if (!(value > 0 && value <= 1)) {
            throw outOfRange(name, "in (0, 1]", value);
        }
        return value;
    }

    /** A number in [0, 1), such as {@code beta2}. */
    public static double unitLower(HyperParameters hp, String name) {
        double value = hp.getDouble(name);
        if (!(value >= 0 && value < 1)) {
            throw outOfRange(name, "in [0, 1)", value);
        }
        return value;
    }

    /** A finite number at least 0. */
    public static double nonNegative(HyperParameters hp, String name) {
        double value = hp.getDouble(name);
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw outOfRange(name, "a finite number >= 0", value);
        }
        return value;
    }

    /** A finite number at least 0, or {@code fallback} when absent. */
    public static double nonNegative(HyperParameters hp, String name, double fallback) {
        return hp.has(name) ? nonNegative(hp, name) : fallback;
    }

    private static BadInputException outOfRange(String name, String expected, double value) {
        return new BadInputException("hyperparameter '" + name + "' must be " + expected + ", got " + value);
    }
}
