package org.optbench.workloads;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.optbench.api.BadInputException;
import org.optbench.workloads.lm.FeedForwardActivation;
import org.optbench.workloads.lm.NormPlacement;
import org.optbench.workloads.lm.SotuLm;
import org.optbench.workloads.lm.SotuText;
import org.optbench.workloads.mnist.MnistData;
import org.optbench.workloads.mnist.MnistMlp;
import org.optbench.workloads.quadratic.QuadraticProblem;
import org.optbench.workloads.quadratic.QuadraticWorkload;

/**
 * The registry of workloads and variants by name. Targets and budgets are those of workloads/README.md
 * (calibrated on a 2-core machine, one native thread).
 */
public final class Workloads {
    private static final Map<String, Function<WorkloadOptions, Workload>> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put("mnist_mlp", options -> new MnistMlp(MnistMlp.standardSpec(), MnistMlp.MLP,
                options.dataDir() == null ? MnistData.bundled() : MnistData.fromIdxDirectory(options.dataDir()),
                options.dataType()));
        FACTORIES.put("quadratic", options -> new QuadraticWorkload(
                QuadraticWorkload.spec("quadratic", null, 0.0105, 0.0100, 2.0, 4000, 1e4),
                QuadraticProblem.standard(1e4), options.dataType()));
        FACTORIES.put("quadratic_cond1e2", options -> new QuadraticWorkload(
                QuadraticWorkload.spec("quadratic_cond1e2", "quadratic", 0.0105, 0.0100, 2.0, 1000, 1e2),
                QuadraticProblem.standard(1e2), options.dataType()));
        FACTORIES.put("sotu_lm", options -> new SotuLm(SotuLm.spec("sotu_lm", null, 1.90, 1.91, 30.0, 800,
                "character-level 2-block pre-LN transformer (GELU) on State of the Union addresses"),
                SotuLm.TRANSFORMER, SotuText.bundled(SotuLm.TRANSFORMER.context()), options.dataType()));
        FACTORIES.put("sotu_lm_postln", options -> new SotuLm(SotuLm.spec("sotu_lm_postln", "sotu_lm", 1.85, 1.86,
                30.0, 800, "sotu_lm with post-LayerNorm blocks"),
                SotuLm.TRANSFORMER.withNorm(NormPlacement.POST), SotuText.bundled(SotuLm.TRANSFORMER.context()),
                options.dataType()));
        FACTORIES.put("sotu_lm_relu", options -> new SotuLm(SotuLm.spec("sotu_lm_relu", "sotu_lm", 1.85, 1.86,
                30.0, 800, "sotu_lm with ReLU instead of GELU in the MLPs"),
                SotuLm.TRANSFORMER.withActivation(FeedForwardActivation.RELU),
                SotuText.bundled(SotuLm.TRANSFORMER.context()), options.dataType()));
    }

    private Workloads() {
    }

    /** The names of all workloads and variants, base workloads first. */
    public static List<String> names() {
        return List.copyOf(FACTORIES.keySet());
    }

    /** The workload of this name; an unknown name is a {@link BadInputException} listing the known ones. */
    public static Workload create(String name, WorkloadOptions options) {
        Function<WorkloadOptions, Workload> factory = FACTORIES.get(name);
        if (factory == null) {
            throw new BadInputException("unknown workload '" + name + "'; known: " + String.join(", ", names()));
        }
        return factory.apply(options == null ? WorkloadOptions.defaults() : options);
    }

    /** The workload of this name with bundled data in FLOAT. */
    public static Workload create(String name) {
        return create(name, WorkloadOptions.defaults());
    }

    /**
     * A quadratic workload at any condition number, for studies beyond the registered variants. Its targets are
     * those given; the registered names carry calibrated ones.
     */
    public static Workload quadratic(double conditionNumber, double validationTarget, double budgetSeconds,
                                     WorkloadOptions options) {
        String name = String.format("quadratic_cond%.0e", conditionNumber).replace("+0", "").replace("+", "");
        return new QuadraticWorkload(QuadraticWorkload.spec(name, "quadratic", validationTarget, validationTarget,
                budgetSeconds, 4000, conditionNumber), QuadraticProblem.standard(conditionNumber),
                options.dataType());
    }
}
