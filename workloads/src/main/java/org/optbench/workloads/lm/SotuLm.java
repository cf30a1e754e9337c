package org.optbench.workloads.lm;

import java.util.LinkedHashMap;
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
import org.optbench.workloads.SpecifiedWorkload;
import org.optbench.workloads.WorkloadSpec;
import org.optbench.workloads.layers.FlatArray;

/**
 * {@code sotu_lm}: a small decoder-only transformer predicting the next character of State of the Union addresses
 * (1961-2021, 53 symbols). Context 64, width 64, 2 heads, 2 pre-LN blocks with a GELU MLP of width 256, untied
 * output projection: {@value #PARAMETERS_TEXT} parameters. Training examples are the non-overlapping windows of
 * the 50 training addresses; the loss is the mean next-character cross-entropy over every position of a window.
 * Metric: validation cross-entropy in nats per character ({@code "cross_entropy"}, lower is better); evaluation
 * also reports {@code "perplexity"} = exp(cross-entropy). Each split is evaluated on {@value #EVAL_WINDOWS} fixed
 * windows spread evenly over it, in chunks of {@value #EVAL_BATCH}.
 *
 * <p>With soft labels ({@code sotu_lm_slm}) the stream also scores every training window by the small model's mean
 * cross-entropy on it ({@link org.optbench.api.BatchStream#candidates}), so that a submission can select the
 * examples the small model finds hard.
 */
public final class SotuLm extends SpecifiedWorkload {
    /** The standard architecture. */
    public static final TransformerLm TRANSFORMER = new TransformerLm(SotuText.VOCABULARY.length(), 64, 64, 2, 2,
            256, NormPlacement.PRE, FeedForwardActivation.GELU);
    /** Windows per evaluation. */
    public static final int EVAL_WINDOWS = 512;
    /** Sequences per evaluation forward pass. */
    static final int EVAL_BATCH = 128;
    static final String PARAMETERS_TEXT = "111,029";

    private final TransformerLm lm;
    private final SotuText text;
    private final SoftLabels softLabels;
    /** Per training window, the small model's mean cross-entropy: the score {@code candidates} offers; or null. */
    private final double[] exampleScores;
    private TransformerNetwork evalNetwork;
    private INDArray evalInputs;
    private INDArray evalTargets;

    /**
     * @param spec the name and targets
     * @param lm the architecture (its vocabulary and context must be the text's)
     * @param text the addresses and their windows
     * @param dataType FLOAT or DOUBLE
     */
    public SotuLm(WorkloadSpec spec, TransformerLm lm, SotuText text, DataType dataType) {
        this(spec, lm, text, null, dataType);
    }

    /**
     * @param spec the name and targets
     * @param lm the architecture (its vocabulary and context must be the text's)
     * @param text the addresses and their windows
     * @param softLabels a small model's soft labels mixed into the training loss, or null for the plain loss
     * @param dataType FLOAT or DOUBLE
     */
    public SotuLm(WorkloadSpec spec, TransformerLm lm, SotuText text, SoftLabels softLabels, DataType dataType) {
        super(spec, lm.parameterSpecs(), text.train().windows(), dataType);
        if (lm.vocabulary() != SotuText.VOCABULARY.length() || lm.context() != text.context()) {
            throw new IllegalArgumentException("the transformer must read " + SotuText.VOCABULARY.length()
                    + " symbols in windows of " + text.context() + ", got " + lm);
        }
        this.lm = lm;
        this.text = text;
        this.softLabels = softLabels;
        this.exampleScores = softLabels == null ? null : smallModelLosses(softLabels.model(), text);
    }

    /** The small model's loss on every training window, once, before any clock starts. */
    private static double[] smallModelLosses(CharNgramModel small, SotuText text) {
        int[] starts = text.train().windowStarts();
        byte[] ids = text.train().ids();
        double[] scratch = new double[small.vocabulary()];
        double[] losses = new double[starts.length];
        for (int w = 0; w < starts.length; w++) {
            losses[w] = small.windowCrossEntropy(ids, starts[w], text.context(), scratch);
        }
        return losses;
    }

    /**
     * A spec with the metric ({@code cross_entropy}, lower is better), loss, eval period (2 s) and default batch size
     * (16 sequences of 64 characters) of {@code sotu_lm}.
     */
    public static WorkloadSpec spec(String name, String base, double validationTarget, double testTarget,
                                    long stepHint, String description) {
        return new WorkloadSpec(name, base, "cross_entropy", MetricDirection.LOWER, validationTarget,
                testTarget, 2.0, stepHint, 16, LossType.SOFTMAX_CROSS_ENTROPY, description);
    }

    /** The architecture. */
    public TransformerLm transformer() {
        return lm;
    }

    /** The text this workload trains and evaluates on. */
    public SotuText text() {
        return text;
    }

    @Override
    public Params initialParams(Rng rng) {
        return lm.initialParams(rng, dataType);
    }

    @Override
    public BatchStream trainingStream(int batchSize, Rng rng) {
        return new SotuBatchStream(text, batchSize, rng, dataType, exampleScores);
    }

    @Override
    public Model model(int batchSize) {
        TransformerNetwork network = new TransformerNetwork(lm, batchSize, dataType);
        if (softLabels == null) {
            return new Model() {
                @Override
                public LossAndGradients lossAndGradients(Params params, Batch batch) {
                    return network.lossAndGradients(params, batch.inputs(), batch.targets());
                }

                @Override
                public void close() {
                    network.close();
                }
            };
        }
        int context = lm.context();
        int vocabulary = lm.vocabulary();
        double[] soft = new double[batchSize * context * vocabulary];
        byte[] window = new byte[context];
        CharNgramModel small = softLabels.model();
        int history = small.order() - 1;
        return new Model() {
            @Override
            public LossAndGradients lossAndGradients(Params params, Batch batch) {
                // The small model reads what the transformer reads: the window's symbols up to each position.
                FlatArray inputs = FlatArray.of(batch.inputs());
                for (int r = 0; r < batchSize; r++) {
                    for (int j = 0; j < context; j++) {
                        window[j] = (byte) inputs.get(r * context + j);
                    }
                    for (int j = 0; j < context; j++) {
                        small.next(window, Math.max(0, j + 1 - history), j + 1, soft, (r * context + j) * vocabulary);
                    }
                }
                return network.lossAndGradients(params, batch.inputs(), batch.targets(), soft, softLabels.weight());
            }

            @Override
            public void close() {
                network.close();
            }
        };
    }

    @Override
    public synchronized Map<String, Double> evaluate(Params params, Split split) {
        int[] windows = text.evaluationWindows(split, EVAL_WINDOWS);
        byte[] ids = text.text(split).ids();
        double lossSum = 0;
        for (int from = 0; from < windows.length; from += EVAL_BATCH) {
            int rows = Math.min(EVAL_BATCH, windows.length - from);
            ensureEvalBuffers(rows);
            SotuBatchStream.fill(ids, windows, from, lm.context(), FlatArray.of(evalInputs),
                    FlatArray.of(evalTargets));
            lossSum += evalNetwork.summedLoss(params, evalInputs, evalTargets);
        }
        double crossEntropy = lossSum / ((double) windows.length * lm.context());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss", crossEntropy);
        metrics.put("cross_entropy", crossEntropy);
        metrics.put("perplexity", Math.exp(crossEntropy));
        return metrics;
    }

    private void ensureEvalBuffers(int rows) {
        if (evalNetwork == null || evalNetwork.batchSize() != rows) {
            if (evalNetwork != null) {
                evalNetwork.close();
            }
            evalNetwork = new TransformerNetwork(lm, rows, dataType);
            evalInputs = Nd4j.zeros(dataType, rows, lm.context());
            evalTargets = Nd4j.zeros(dataType, rows, lm.context());
        }
    }
}
