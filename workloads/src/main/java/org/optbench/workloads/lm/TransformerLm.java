package org.optbench.workloads.lm;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.ParameterType;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.api.WorkloadInfo.ParameterSpec;
import org.optbench.workloads.layers.FlatArray;

/**
 * A decoder-only transformer language model's architecture (GPT-2 style, untied output projection):
 * token and learned position embeddings, {@code layers} decoder blocks (causal multi-head self-attention with a
 * fused {@code [width, 3 width]} query/key/value projection and an output projection, then an MLP
 * {@code width -> hidden -> width}), a final LayerNorm and a dense projection to the vocabulary's logits.
 *
 * <p>Parameters, in order: {@code embedding/tokens} (EMBEDDING {@code [vocabulary, width]}),
 * {@code embedding/positions} (EMBEDDING {@code [context, width]}); per block {@code i}:
 * {@code block_i/ln_1/scale} (NORM_SCALE), {@code block_i/ln_1/bias} (NORM_BIAS), {@code block_i/attention/qkv/kernel}
 * (WEIGHT {@code [width, 3 width]}), {@code .../qkv/bias} (BIAS), {@code block_i/attention/out/kernel}
 * ({@code [width, width]}), {@code .../out/bias}, {@code block_i/ln_2/scale}, {@code block_i/ln_2/bias},
 * {@code block_i/mlp/dense_0/kernel} ({@code [width, hidden]}), {@code .../dense_0/bias},
 * {@code block_i/mlp/dense_1/kernel} ({@code [hidden, width]}), {@code .../dense_1/bias}; then {@code ln_f/scale},
 * {@code ln_f/bias}, {@code head/kernel} (WEIGHT {@code [width, vocabulary]}), {@code head/bias}.
 *
 * @param vocabulary the number of symbols
 * @param context the sequence length
 * @param width the model width {@code d}
 * @param heads attention heads (dividing {@code width})
 * @param layers decoder blocks
 * @param hidden the MLP's hidden width
 * @param norm where the blocks' LayerNorms sit
 * @param activation the MLP's nonlinearity
 */
public record TransformerLm(int vocabulary, int context, int width, int heads, int layers, int hidden,
                            NormPlacement norm, FeedForwardActivation activation) {
    /** Tensors per decoder block. */
    static final int PER_BLOCK = 12;
    /** Standard deviation of the initial embeddings and kernels (GPT-2). */
    static final double INIT_STD = 0.02;

    /** Checks the sizes. */
    public TransformerLm {
        if (vocabulary < 2 || context < 1 || width < 1 || heads < 1 || layers < 1 || hidden < 1
                || width % heads != 0 || norm == null || activation == null) {
            throw new IllegalArgumentException("bad transformer: vocabulary " + vocabulary + ", context " + context
                    + ", width " + width + ", heads " + heads + ", layers " + layers + ", hidden " + hidden);
        }
    }

    /** Index of block {@code i}'s first tensor. */
    static int blockBase(int i) {
        return 2 + PER_BLOCK * i;
    }

    /** Index of the final LayerNorm's scale; bias, head kernel and head bias follow. */
    int finalBase() {
        return blockBase(layers);
    }

    /** The parameters' names, types and shapes, in order. */
    public List<ParameterSpec> parameterSpecs() {
        List<ParameterSpec> specs = new ArrayList<>();
        for (Params.Param p : shapes(DataType.FLOAT)) {
            List<Long> shape = new ArrayList<>();
            for (long s : p.shape()) {
                shape.add(s);
            }
            specs.add(new ParameterSpec(p.name(), p.type(), shape));
        }
        return specs;
    }

    /** The total number of scalar parameters. */
    public long numParameters() {
        long perBlock = 4L * width + 3L * width * width + 3L * width + (long) width * width + width
                + (long) width * hidden + hidden + (long) hidden * width + width;
        return (long) vocabulary * width + (long) context * width + layers * perBlock + 2L * width
                + (long) width * vocabulary + vocabulary;
    }

    private Params shapes(DataType t) {
        // Throw-away arrays carry the shapes (once per model); viewsOf lays them out over one flat buffer.
        Params.Builder b = Params.builder()
                .add("embedding/tokens", ParameterType.EMBEDDING, Nd4j.zeros(t, vocabulary, width))
                .add("embedding/positions", ParameterType.EMBEDDING, Nd4j.zeros(t, context, width));
        for (int i = 0; i < layers; i++) {
            String p = "block_" + i + "/";
            b.add(p + "ln_1/scale", ParameterType.NORM_SCALE, Nd4j.zeros(t, width))
                    .add(p + "ln_1/bias", ParameterType.NORM_BIAS, Nd4j.zeros(t, width))
                    .add(p + "attention/qkv/kernel", ParameterType.WEIGHT, Nd4j.zeros(t, width, 3 * width))
                    .add(p + "attention/qkv/bias", ParameterType.BIAS, Nd4j.zeros(t, 3 * width))
                    .add(p + "attention/out/kernel", ParameterType.WEIGHT, Nd4j.zeros(t, width, width))
                    .add(p + "attention/out/bias", ParameterType.BIAS, Nd4j.zeros(t, width))
                    .add(p + "ln_2/scale", ParameterType.NORM_SCALE, Nd4j.zeros(t, width))
                    .add(p + "ln_2/bias", ParameterType.NORM_BIAS, Nd4j.zeros(t, width))
                    .add(p + "mlp/dense_0/kernel", ParameterType.WEIGHT, Nd4j.zeros(t, width, hidden))
                    .add(p + "mlp/dense_0/bias", ParameterType.BIAS, Nd4j.zeros(t, hidden))
                    .add(p + "mlp/dense_1/kernel", ParameterType.WEIGHT, Nd4j.zeros(t, hidden, width))
                    .add(p + "mlp/dense_1/bias", ParameterType.BIAS, Nd4j.zeros(t, width));
        }
        return b.add("ln_f/scale", ParameterType.NORM_SCALE, Nd4j.zeros(t, width))
                .add("ln_f/bias", ParameterType.NORM_BIAS, Nd4j.zeros(t, width))
                .add("head/kernel", ParameterType.WEIGHT, Nd4j.zeros(t, width, vocabulary))
                .add("head/bias", ParameterType.BIAS, Nd4j.zeros(t, vocabulary))
                .build();
    }

    /** Zero tensors of the right names, types and shapes, as contiguous views of one flat buffer. */
    public Params zeros(DataType dataType) {
        return shapes(dataType).viewsOf(Nd4j.zeros(dataType, numParameters()));
    }

    /**
     * Initial parameters (GPT-2): embeddings and kernels normal with standard deviation 0.02, the two residual
     * projections per block ({@code attention/out}, {@code mlp/dense_1}) with {@code 0.02 / sqrt(2 layers)},
     * LayerNorm scales 1, biases 0. Drawn in parameter order from {@code rng}.
     */
    public Params initialParams(Rng rng, DataType dataType) {
        Params params = zeros(dataType);
        double residualStd = INIT_STD / Math.sqrt(2.0 * layers);
        for (Params.Param p : params) {
            String name = p.name();
            FlatArray v = FlatArray.of(p.value());
            switch (p.type()) {
                case NORM_SCALE -> {
                    for (int i = 0; i < v.length(); i++) {
                        v.set(i, 1.0);
                    }
                }
                case EMBEDDING, WEIGHT -> {
                    double std = name.endsWith("attention/out/kernel") || name.endsWith("mlp/dense_1/kernel")
                            ? residualStd : INIT_STD;
                    for (int i = 0; i < v.length(); i++) {
                        v.set(i, std * rng.nextGaussian());
                    }
                }
                default -> {
                    // biases and LayerNorm shifts start at zero
                }
            }
        }
        return params;
    }

    /** The same architecture with {@code norm} placement. */
    public TransformerLm withNorm(NormPlacement placement) {
        return new TransformerLm(vocabulary, context, width, heads, layers, hidden, placement, activation);
    }

    /** The same architecture with another MLP nonlinearity. */
    public TransformerLm withActivation(FeedForwardActivation f) {
        return new TransformerLm(vocabulary, context, width, heads, layers, hidden, norm, f);
    }
}
