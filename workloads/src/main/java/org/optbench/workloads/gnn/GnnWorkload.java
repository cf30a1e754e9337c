package org.optbench.workloads.gnn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.optbench.api.Batch;
import org.optbench.api.BatchStream;
import org.optbench.api.LossAndGradients;
import org.optbench.api.LossType;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.api.MetricDirection;
import org.optbench.workloads.Model;
import org.optbench.workloads.Split;
import org.optbench.workloads.ShuffledEpochs;
import org.optbench.workloads.SpecifiedWorkload;
import org.optbench.workloads.WorkloadSpec;
import org.optbench.workloads.layers.SigmoidCrossEntropy;
import org.optbench.workloads.layers.Values;
import org.optbench.workloads.metrics.AveragePrecision;

/**
 * {@code graph_gnn} and its variants: a {@link GnnArchitecture} trained with sigmoid cross-entropy per label on
 * the motif labels of a {@link MoleculeProblem}'s graphs. A batch is {@code batchSize} graphs as one disjoint
 * union ({@link GraphBatches}). Metric: validation mean average precision over the labels (higher is better).
 * The train evaluation split is the first validation-sized block of the training graphs.
 */
public final class GnnWorkload extends SpecifiedWorkload {
    /** The evaluation chunk size in graphs. */
    static final int EVAL_GRAPHS = 250;

    /** The standard architecture: hidden 32, 3 rounds, sum aggregation, mean readout. */
    public static final GnnArchitecture STANDARD = architecture(32, 3, Aggregation.SUM);
    /** {@code graph_gnn_mean}: mean instead of sum aggregation. */
    public static final GnnArchitecture MEAN = architecture(32, 3, Aggregation.MEAN);
    /** {@code graph_gnn_deep}: five rounds instead of three. */
    public static final GnnArchitecture DEEP = architecture(32, 5, Aggregation.SUM);

    private final GnnArchitecture arch;
    private final MoleculeProblem problem;
    private final MoleculeProblem.Data data;
    private GnnNetwork evalNetwork;
    private GraphBatches evalBatches;

    /**
     * @param spec the name and targets
     * @param arch the model
     * @param problem the graphs' generator
     * @param data its drawn graphs
     * @param dataType FLOAT or DOUBLE
     */
    public GnnWorkload(WorkloadSpec spec, GnnArchitecture arch, MoleculeProblem problem, MoleculeProblem.Data data,
                       DataType dataType) {
        super(spec, arch.parameterSpecs(), data.train().size(), dataType);
        this.arch = arch;
        this.problem = problem;
        this.data = data;
    }

    /** An architecture for the standard graphs' features and labels. */
    public static GnnArchitecture architecture(int hidden, int rounds, Aggregation aggregation) {
        return new GnnArchitecture(MoleculeProblem.ATOM_TYPES, MoleculeProblem.BOND_TYPES, hidden, rounds,
                aggregation, Motifs.NAMES.size());
    }

    /**
     * A spec of {@code graph_gnn} or a variant; targets calibrated as workloads/README.md describes.
     *
     * @param name the workload's name
     * @param base the base workload for a variant, or null
     * @param validationTarget the validation mean average precision that counts as trained
     * @param testTarget the test mean average precision reported alongside
     * @param stepHint the steps of the calibration schedule
     * @param description one line
     */
    public static WorkloadSpec spec(String name, String base, double validationTarget, double testTarget,
                                    long stepHint, String description) {
        return new WorkloadSpec(name, base, "mean_average_precision", MetricDirection.HIGHER,
                validationTarget, testTarget, 1.0, stepHint, 64, LossType.SIGMOID_CROSS_ENTROPY,
                description);
    }

    /** The graphs. */
    public MoleculeProblem.Data data() {
        return data;
    }

    @Override
    public Params initialParams(Rng rng) {
        return arch.initialParams(rng, dataType);
    }

    @Override
    public BatchStream trainingStream(int batchSize, Rng rng) {
        List<MoleculeGraph> train = data.train();
        ShuffledEpochs epochs = new ShuffledEpochs(ShuffledEpochs.range(train.size()), batchSize, rng);
        GraphBatches batches = new GraphBatches(batchSize, problem, arch.labels(), dataType);
        return new BatchStream() {
            @Override
            public Batch next() {
                return batches.fill(train, epochs.order(), epochs.nextStart());
            }

            @Override
            public int batchSize() {
                return batchSize;
            }
        };
    }

    @Override
    public Model model(int batchSize) {
        GnnNetwork network = new GnnNetwork(arch, batchSize, problem, dataType);
        return new Model() {
            @Override
            public LossAndGradients lossAndGradients(Params params, Batch batch) {
                return network.lossAndGradients(params, batch);
            }

            @Override
            public void close() {
                network.close();
            }
        };
    }

    private List<MoleculeGraph> graphs(Split split) {
        return switch (split) {
            case TRAIN -> data.train().subList(0, data.validation().size());
            case VALIDATION -> data.validation();
            case TEST -> data.test();
        };
    }

    /** The model's label logits on a split, {@code [graphs][labels]} flattened. */
    public synchronized double[] logits(Params params, Split split) {
        List<MoleculeGraph> graphs = graphs(split);
        int labels = arch.labels();
        double[] out = new double[graphs.size() * labels];
        for (int from = 0; from < graphs.size(); from += EVAL_GRAPHS) {
            int count = Math.min(EVAL_GRAPHS, graphs.size() - from);
            if (evalNetwork == null || evalNetwork.graphs() != count) {
                if (evalNetwork != null) {
                    evalNetwork.close();
                }
                evalNetwork = new GnnNetwork(arch, count, problem, dataType);
                evalBatches = new GraphBatches(count, problem, labels, dataType);
            }
            INDArray z = evalNetwork.forward(params, evalBatches.fill(graphs, null, from));
            Values zv = Values.of(z);
            for (int i = 0; i < count * labels; i++) {
                out[from * labels + i] = zv.get(i);
            }
        }
        return out;
    }

    @Override
    public synchronized Map<String, Double> evaluate(Params params, Split split) {
        List<MoleculeGraph> graphs = graphs(split);
        int labels = arch.labels();
        double[] scores = logits(params, split);
        boolean[] truth = new boolean[scores.length];
        double lossSum = 0;
        for (int g = 0; g < graphs.size(); g++) {
            for (int l = 0; l < labels; l++) {
                truth[g * labels + l] = graphs.get(g).labels()[l];
                lossSum += SigmoidCrossEntropy.loss(scores[g * labels + l], truth[g * labels + l] ? 1 : 0);
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss", lossSum / scores.length);
        metrics.put("mean_average_precision", AveragePrecision.mean(scores, truth, graphs.size(), labels));
        return metrics;
    }
}
