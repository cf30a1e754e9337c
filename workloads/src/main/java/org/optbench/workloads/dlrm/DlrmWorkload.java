package org.optbench.workloads.dlrm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
import org.optbench.workloads.metrics.RocAuc;

/**
 * {@code ctr_dlrm} and its variants: a {@link DlrmArchitecture} trained with sigmoid cross-entropy on the clicks of
 * a {@link ClickLogProblem}. Batches hold {@code "inputs"} (dense features {@code [batch, 13]}),
 * {@code "categorical"} (INT {@code [batch, tables]}, the table rows) and {@code "targets"} ({@code [batch, 1]},
 * 0 or 1). Metric: validation log-loss (lower is better); evaluation also reports {@code "auc"}. The train
 * evaluation split is the first validation-sized block of the training set.
 */
public final class DlrmWorkload extends SpecifiedWorkload {
    /** The name of the batch's INT array of table rows. */
    public static final String CATEGORICAL = "categorical";
    /** The evaluation chunk size. */
    static final int EVAL_BATCH = 2000;

    /** The standard architecture: dim 16, bottom 13-64-16, top 52-64-32-1, dot interactions. */
    public static final DlrmArchitecture STANDARD = architecture(16, List.of(64), List.of(64, 32), Interaction.DOT);
    /** {@code ctr_dlrm_wide}: the MLPs four times as wide (bottom 13-256-16, top 52-256-128-1). */
    public static final DlrmArchitecture WIDE = architecture(16, List.of(256), List.of(256, 128), Interaction.DOT);
    /** {@code ctr_dlrm_concat}: concatenation instead of dot products (top 144-64-32-1). */
    public static final DlrmArchitecture CONCAT = architecture(16, List.of(64), List.of(64, 32), Interaction.CONCAT);

    private final DlrmArchitecture arch;
    private final ClickLogProblem.Data data;
    private DlrmNetwork evalNetwork;
    private INDArray evalDense;
    private INDArray evalCategorical;
    private INDArray evalTargets;

    /**
     * @param spec the name and targets
     * @param arch the model
     * @param data the click logs
     * @param dataType FLOAT or DOUBLE
     */
    public DlrmWorkload(WorkloadSpec spec, DlrmArchitecture arch, ClickLogProblem.Data data, DataType dataType) {
        super(spec, arch.parameterSpecs(), data.train().size(), dataType);
        ClickLogProblem p = data.problem();
        if (arch.denseFeatures() != p.denseFeatures() || !arch.vocabularies().equals(p.vocabularies())) {
            throw new IllegalArgumentException("the architecture's inputs do not match the click logs");
        }
        this.arch = arch;
        this.data = data;
    }

    /** An architecture over the standard click logs' features. */
    public static DlrmArchitecture architecture(int dim, List<Integer> bottomHidden, List<Integer> topHidden,
                                                Interaction interaction) {
        ClickLogProblem p = ClickLogProblem.standard();
        return new DlrmArchitecture(p.denseFeatures(), p.vocabularies(), dim, bottomHidden, topHidden, interaction);
    }

    /**
     * A spec of {@code ctr_dlrm} or a variant; targets calibrated as workloads/README.md describes.
     *
     * @param name the workload's name
     * @param base the base workload for a variant, or null
     * @param validationTarget the validation log-loss that counts as trained
     * @param testTarget the test log-loss reported alongside
     * @param stepHint the steps of the calibration schedule
     * @param description one line
     */
    public static WorkloadSpec spec(String name, String base, double validationTarget, double testTarget,
                                    long stepHint, String description) {
        return new WorkloadSpec(name, base, "logloss", MetricDirection.LOWER, validationTarget,
                testTarget, 1.0, stepHint, 256, LossType.SIGMOID_CROSS_ENTROPY, description);
    }

    /** The click logs. */
    public ClickLogProblem.Data data() {
        return data;
    }

    /** The model. */
    public DlrmArchitecture architecture() {
        return arch;
    }

    @Override
    public Params initialParams(Rng rng) {
        return arch.initialParams(rng, dataType);
    }

    @Override
    public BatchStream trainingStream(int batchSize, Rng rng) {
        ClickLogSplit train = data.train();
        ShuffledEpochs epochs = new ShuffledEpochs(ShuffledEpochs.range(train.size()), batchSize, rng);
        INDArray dense = Nd4j.zeros(dataType, batchSize, train.denseFeatures());
        INDArray categorical = Nd4j.zeros(DataType.INT, batchSize, train.tables());
        INDArray targets = Nd4j.zeros(dataType, batchSize, 1);
        Batch batch = new Batch(Map.of(Batch.INPUTS, dense, CATEGORICAL, categorical, Batch.TARGETS, targets),
                batchSize);
        return new BatchStream() {
            @Override
            public Batch next() {
                train.copyRows(epochs.order(), epochs.nextStart(), dense, categorical, targets);
                return batch;
            }

            @Override
            public int batchSize() {
                return batchSize;
            }
        };
    }

    @Override
    public Model model(int batchSize) {
        DlrmNetwork network = new DlrmNetwork(arch, batchSize, dataType);
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

    /** The examples of a split: validation, test, or the first validation-sized block of training. */
    ClickLogSplit split(Split split) {
        return switch (split) {
            case TRAIN -> data.train();
            case VALIDATION -> data.validation();
            case TEST -> data.test();
        };
    }

    private int examples(Split split) {
        return split == Split.TRAIN ? data.validation().size() : split(split).size();
    }

    /** The model's click probabilities on a split's examples. */
    public synchronized double[] predict(Params params, Split split) {
        ClickLogSplit s = split(split);
        int n = examples(split);
        double[] p = new double[n];
        for (int from = 0; from < n; from += EVAL_BATCH) {
            int rows = Math.min(EVAL_BATCH, n - from);
            INDArray logits = evalLogits(params, s, from, rows);
            for (int r = 0; r < rows; r++) {
                p[from + r] = SigmoidCrossEntropy.sigmoid(logits.getDouble(r, 0));
            }
        }
        return p;
    }

    private INDArray evalLogits(Params params, ClickLogSplit s, int from, int rows) {
        if (evalNetwork == null || evalNetwork.batchSize() != rows) {
            if (evalNetwork != null) {
                evalNetwork.close();
            }
            evalNetwork = new DlrmNetwork(arch, rows, dataType);
            evalDense = Nd4j.zeros(dataType, rows, s.denseFeatures());
            evalCategorical = Nd4j.zeros(DataType.INT, rows, s.tables());
            evalTargets = Nd4j.zeros(dataType, rows, 1);
        }
        s.copyRows(null, from, evalDense, evalCategorical, evalTargets);
        evalNetwork.readRows(evalCategorical);
        return evalNetwork.forward(params, evalDense);
    }

    @Override
    public synchronized Map<String, Double> evaluate(Params params, Split split) {
        ClickLogSplit s = split(split);
        int n = examples(split);
        double[] scores = new double[n];
        boolean[] labels = new boolean[n];
        double lossSum = 0;
        for (int from = 0; from < n; from += EVAL_BATCH) {
            int rows = Math.min(EVAL_BATCH, n - from);
            INDArray logits = evalLogits(params, s, from, rows);
            lossSum += SigmoidCrossEntropy.summedLoss(logits, evalTargets, rows);
            for (int r = 0; r < rows; r++) {
                scores[from + r] = logits.getDouble(r, 0);
                labels[from + r] = s.labels()[from + r] == 1;
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss", lossSum / n);
        metrics.put("logloss", lossSum / n);
        metrics.put("auc", RocAuc.of(scores, labels));
        return metrics;
    }
}
