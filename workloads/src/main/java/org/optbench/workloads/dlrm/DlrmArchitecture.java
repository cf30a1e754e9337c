package org.optbench.workloads.dlrm;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.optbench.api.ParameterType;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.api.WorkloadInfo.ParameterSpec;
import org.optbench.workloads.layers.Activation;
import org.optbench.workloads.layers.DotInteraction;
import org.optbench.workloads.layers.Initializers;
import org.optbench.workloads.layers.Mlp;
import org.optbench.workloads.layers.ParameterLayout;

/**
 * A DLRM (Naumov et al. 2019): one embedding table per categorical feature ({@code embedding_t/table},
 * {@link ParameterType#EMBEDDING}, {@code [rows_t, dim]}), a bottom MLP from the dense features to {@code dim}
 * with ReLU after every layer ({@code bottom_mlp/dense_i/...}), the interaction of the {@code F = tables + 1}
 * feature vectors, and a top MLP to one logit with ReLU between layers ({@code top_mlp/dense_i/...}).
 *
 * @param denseFeatures the dense input width
 * @param vocabularies each table's number of rows
 * @param embeddingDim {@code dim}
 * @param bottomHidden the bottom MLP's hidden widths (its output is {@code dim})
 * @param topHidden the top MLP's hidden widths (its output is 1)
 * @param interaction dot products or concatenation
 */
public record DlrmArchitecture(int denseFeatures, List<Integer> vocabularies, int embeddingDim,
                               List<Integer> bottomHidden, List<Integer> topHidden, Interaction interaction) {

    /** Copies the lists. */
    public DlrmArchitecture {
        vocabularies = List.copyOf(vocabularies);
        bottomHidden = List.copyOf(bottomHidden);
        topHidden = List.copyOf(topHidden);
    }

    /** The number of tables. */
    public int tables() {
        return vocabularies.size();
    }

    /** The number of feature vectors that interact: the bottom output and one per table. */
    public int features() {
        return tables() + 1;
    }

    /** The bottom MLP. */
    public Mlp bottom() {
        List<Integer> widths = new ArrayList<>();
        widths.add(denseFeatures);
        widths.addAll(bottomHidden);
        widths.add(embeddingDim);
        return new Mlp(widths, Activation.RELU);
    }

    /** The top MLP's input width: {@code dim + F(F-1)/2} for dot, {@code F dim} for concatenation. */
    public int topInputs() {
        return interaction == Interaction.DOT ? embeddingDim + DotInteraction.pairs(features())
                : features() * embeddingDim;
    }

    /** The top MLP. */
    public Mlp top() {
        List<Integer> widths = new ArrayList<>();
        widths.add(topInputs());
        widths.addAll(topHidden);
        widths.add(1);
        return new Mlp(widths, Activation.RELU);
    }

    /** The parameter layout: tables, then the bottom MLP, then the top MLP. */
    public ParameterLayout layout() {
        ParameterLayout layout = new ParameterLayout();
        for (int t = 0; t < tables(); t++) {
            layout.add(tableName(t), ParameterType.EMBEDDING, vocabularies.get(t), embeddingDim);
        }
        layout.addMlp("bottom_mlp", bottom());
        layout.addMlp("top_mlp", top());
        return layout;
    }

    /** The parameters' names, types and shapes. */
    public List<ParameterSpec> parameterSpecs() {
        return layout().specs();
    }

    /** Index of the bottom MLP's first tensor. */
    int bottomFirst() {
        return tables();
    }

    /** Index of the top MLP's first tensor. */
    int topFirst() {
        return tables() + 2 * bottom().layers();
    }

    /**
     * Initial parameters: tables uniform on {@code +-sqrt(1 / rows)} (the DLRM reference code's), MLP kernels He
     * normal, biases zero.
     */
    public Params initialParams(Rng rng, DataType dataType) {
        Params params = layout().zeros(dataType);
        for (int t = 0; t < tables(); t++) {
            Initializers.uniform(params.value(t), Math.sqrt(1.0 / vocabularies.get(t)), rng);
        }
        Initializers.mlp(params, bottomFirst(), bottom(), rng);
        Initializers.mlp(params, topFirst(), top(), rng);
        return params;
    }

    /** The name of table {@code t}. */
    public static String tableName(int t) {
        return "embedding_" + t + "/table";
    }
}
