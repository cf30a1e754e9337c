package org.optbench.workloads.gnn;

import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.api.WorkloadInfo.ParameterSpec;
import org.optbench.workloads.layers.Activation;
import org.optbench.workloads.layers.Initializers;
import org.optbench.workloads.layers.Mlp;
import org.optbench.workloads.layers.ParameterLayout;

/**
 * A GINE-style graph network (Xu et al. 2019; Hu et al. 2020, edge features):
 * <pre>
 *   h_0 = relu(x W_enc + b_enc)                                    node encoder ("encoder/dense_0/...")
 *   e_r = f_uv W_r + b_r                                            edge encoder of round r ("round_r/edge/...")
 *   a_r[v] = AGG_{u -> v} relu(h_r[u] + e_r[uv])                    sum or mean over incoming edges
 *   h_{r+1} = relu(relu((h_r + a_r) W1 + b1) W2 + b2)               update MLP ("round_r/mlp/...")
 *   g = mean over the nodes of each graph of h_R                    readout
 *   logits = relu(g Wh1 + bh1) Wh2 + bh2                            head ("head/...")
 * </pre>
 *
 * @param atomTypes the node feature width
 * @param bondTypes the edge feature width
 * @param hidden the node state width
 * @param rounds the number of message-passing rounds
 * @param aggregation sum or mean of the messages
 * @param labels the number of outputs
 */
public record GnnArchitecture(int atomTypes, int bondTypes, int hidden, int rounds, Aggregation aggregation,
                              int labels) {

    /** The node encoder: one ReLU layer. */
    public Mlp encoder() {
        return new Mlp(List.of(atomTypes, hidden), Activation.RELU);
    }

    /** A round's edge encoder: one linear layer. */
    public Mlp edgeEncoder() {
        return new Mlp(List.of(bondTypes, hidden), Activation.RELU);
    }

    /** A round's update MLP: two ReLU layers. */
    public Mlp update() {
        return new Mlp(List.of(hidden, hidden, hidden), Activation.RELU);
    }

    /** The graph-level head. */
    public Mlp head() {
        return new Mlp(List.of(hidden, hidden, labels), Activation.RELU);
    }

    /** The parameter layout: encoder, then per round edge encoder and update MLP, then head. */
    public ParameterLayout layout() {
        ParameterLayout layout = new ParameterLayout();
        layout.addMlp("encoder", encoder());
        for (int r = 0; r < rounds; r++) {
            layout.addMlp("round_" + r + "/edge", edgeEncoder());
            layout.addMlp("round_" + r + "/mlp", update());
        }
        layout.addMlp("head", head());
        return layout;
    }

    /** The parameters' names, types and shapes. */
    public List<ParameterSpec> parameterSpecs() {
        return layout().specs();
    }

    /** Index of round {@code r}'s edge encoder kernel. */
    int edgeFirst(int r) {
        return 2 + 6 * r;
    }

    /** Index of round {@code r}'s update MLP first kernel. */
    int updateFirst(int r) {
        return 4 + 6 * r;
    }

    /** Index of the head's first kernel. */
    int headFirst() {
        return 2 + 6 * rounds;
    }

    /**
     * Kernels He normal (LeCun normal for the linear edge encoders), biases zero, and the head's last kernel zero:
     * without normalisation, sum aggregation makes node states grow with each round, and a zero output layer
     * starts every label at probability 1/2 (loss log 2) instead of at saturated logits.
     */
    public Params initialParams(Rng rng, DataType dataType) {
        Params params = layout().zeros(dataType);
        Initializers.mlp(params, 0, encoder(), rng);
        for (int r = 0; r < rounds; r++) {
            Initializers.normal(params.value(edgeFirst(r)), Math.sqrt(1.0 / bondTypes), rng);
            Initializers.mlp(params, updateFirst(r), update(), rng);
        }
        Initializers.mlp(params, headFirst(), head(), rng);
        params.value(headFirst() + 2).assign(0);
        return params;
    }
}
