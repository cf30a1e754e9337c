package org.optbench.workloads;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.optbench.api.BadInputException;
import org.optbench.workloads.dlrm.ClickLogProblem;
import org.optbench.workloads.dlrm.DlrmWorkload;
import org.optbench.workloads.gnn.GnnWorkload;
import org.optbench.workloads.gnn.MoleculeProblem;
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
        // ctr_dlrm and variants: targets, step hints and budgets from workloads/README.md ("ctr_dlrm").
        FACTORIES.put("ctr_dlrm", options -> new DlrmWorkload(DlrmWorkload.spec("ctr_dlrm", null, 0.470, 0.472, 15.0,
                800, "DLRM (dim 16, dot interactions) on synthetic Zipf click logs, sigmoid cross-entropy"),
                DlrmWorkload.STANDARD, ClickLogProblem.standardData(), options.dataType()));
        FACTORIES.put("ctr_dlrm_wide", options -> new DlrmWorkload(DlrmWorkload.spec("ctr_dlrm_wide", "ctr_dlrm",
                0.471, 0.474, 15.0, 800, "ctr_dlrm with four times wider bottom and top MLPs"),
                DlrmWorkload.WIDE, ClickLogProblem.standardData(), options.dataType()));
        FACTORIES.put("ctr_dlrm_concat", options -> new DlrmWorkload(DlrmWorkload.spec("ctr_dlrm_concat",
                "ctr_dlrm", 0.471, 0.474, 15.0, 800, "ctr_dlrm with concatenated instead of dot-product interactions"),
                DlrmWorkload.CONCAT, ClickLogProblem.standardData(), options.dataType()));
        // graph_gnn and variants: targets, step hints and budgets from workloads/README.md ("graph_gnn").
        FACTORIES.put("graph_gnn", options -> gnn(GnnWorkload.spec("graph_gnn", null, 0.82, 0.825, 30.0, 2000,
                "GINE-style GNN (3 rounds, sum aggregation) on synthetic molecule graphs, 10 motif labels"),
                GnnWorkload.STANDARD, options));
        FACTORIES.put("graph_gnn_mean", options -> gnn(GnnWorkload.spec("graph_gnn_mean", "graph_gnn", 0.65, 0.65,
                30.0, 2000, "graph_gnn with mean instead of sum aggregation"), GnnWorkload.MEAN, options));
        FACTORIES.put("graph_gnn_deep", options -> gnn(GnnWorkload.spec("graph_gnn_deep", "graph_gnn", 0.80, 0.80,
                35.0, 2000, "graph_gnn with five message-passing rounds instead of three"), GnnWorkload.DEEP,
                options));
    }

    private static Workload gnn(WorkloadSpec spec, org.optbench.workloads.gnn.GnnArchitecture arch,
                                WorkloadOptions options) {
        MoleculeProblem problem = MoleculeProblem.standard();
        return new GnnWorkload(spec, arch, problem, MoleculeProblem.standardData(), options.dataType());
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
