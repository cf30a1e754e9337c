package org.optbench.workloads.gnn;

import java.nio.IntBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Batch;
import org.optbench.api.LossAndGradients;
import org.optbench.api.Params;
import org.optbench.workloads.layers.EdgeAggregation;
import org.optbench.workloads.layers.GraphPooling;
import org.optbench.workloads.layers.MlpStack;
import org.optbench.workloads.layers.SigmoidCrossEntropy;
import org.optbench.workloads.layers.Values;

/**
 * A {@link GnnArchitecture} for batches of {@code graphs} graphs of up to {@code maxNodes} atoms and
 * {@code maxBonds} bonds, every buffer allocated here once (node buffers {@code [graphs * maxNodes, hidden]}, edge
 * buffers {@code [2 * graphs * maxBonds, hidden]}; padding rows carry no gradient).
 *
 * <p>Backward, by hand: head; readout ({@code dh_R[v] = dg[graph(v)] / nodes}); for each round from the last,
 * the update MLP gives {@code du}; {@code dh_r = du} plus the messages' scatter ({@link EdgeAggregation});
 * the edge encoder's gradient from {@code de}; finally the node encoder.
 */
final class GnnNetwork implements AutoCloseable {
    private final GnnArchitecture arch;
    private final int graphs;
    private final int maxNodes;
    private final int maxEdges;
    private final DataType dataType;
    private final MlpStack encoder;
    private final MlpStack[] edgeEncoders;
    private final MlpStack[] updates;
    private final INDArray[] messages;
    private final INDArray[] aggregates;
    /** updateInputs[r] = h_r + a_r. */
    private final INDArray[] updateInputs;
    private final INDArray[] gradUpdateInputs;
    private final INDArray pooled;
    private final INDArray gradPooled;
    private final MlpStack head;
    private final int[] senders;
    private final int[] receivers;
    private final int[] graphIndex;
    private final double[] messageScale;
    private final double[] poolScale;
    private final Params gradients;

    GnnNetwork(GnnArchitecture arch, int graphs, MoleculeProblem problem, DataType dataType) {
        this.arch = arch;
        this.graphs = graphs;
        this.maxNodes = graphs * problem.maxNodes();
        this.maxEdges = 2 * graphs * problem.maxBonds();
        this.dataType = dataType;
        int h = arch.hidden();
        encoder = new MlpStack(arch.encoder(), true, maxNodes, dataType);
        edgeEncoders = new MlpStack[arch.rounds()];
        updates = new MlpStack[arch.rounds()];
        messages = new INDArray[arch.rounds()];
        aggregates = new INDArray[arch.rounds()];
        updateInputs = new INDArray[arch.rounds()];
        gradUpdateInputs = new INDArray[arch.rounds()];
        for (int r = 0; r < arch.rounds(); r++) {
            edgeEncoders[r] = new MlpStack(arch.edgeEncoder(), false, maxEdges, dataType);
            updates[r] = new MlpStack(arch.update(), true, maxNodes, dataType);
            messages[r] = Nd4j.zeros(dataType, maxEdges, h);
            aggregates[r] = Nd4j.zeros(dataType, maxNodes, h);
            updateInputs[r] = Nd4j.zeros(dataType, maxNodes, h);
            gradUpdateInputs[r] = Nd4j.zeros(dataType, maxNodes, h);
        }
        pooled = Nd4j.zeros(dataType, graphs, h);
        gradPooled = Nd4j.zeros(dataType, graphs, h);
        head = new MlpStack(arch.head(), false, graphs, dataType);
        senders = new int[maxEdges];
        receivers = new int[maxEdges];
        graphIndex = new int[maxNodes];
        messageScale = new double[maxNodes];
        poolScale = new double[graphs];
        gradients = arch.layout().zeros(dataType);
    }

    int graphs() {
        return graphs;
    }

    /** Reads the batch's structure and sets the aggregation and readout scales. */
    private void readStructure(Batch batch) {
        copy(batch.get(GraphBatches.SENDERS), senders);
        copy(batch.get(GraphBatches.RECEIVERS), receivers);
        copy(batch.get(GraphBatches.GRAPH_INDEX), graphIndex);
        java.util.Arrays.fill(poolScale, 0);
        for (int g : graphIndex) {
            if (g >= graphs) {
                throw new IllegalArgumentException("graph index " + g + " in a batch of " + graphs + " graphs");
            }
            if (g >= 0) {
                poolScale[g]++;
            }
        }
        for (int g = 0; g < graphs; g++) {
            poolScale[g] = poolScale[g] > 0 ? 1 / poolScale[g] : 0;
        }
        if (arch.aggregation() == Aggregation.SUM) {
            java.util.Arrays.fill(messageScale, 1);
        } else {
            java.util.Arrays.fill(messageScale, 0);
            for (int k = 0; k < maxEdges; k++) {
                if (senders[k] >= 0) {
                    messageScale[receivers[k]]++;
                }
            }
            for (int v = 0; v < maxNodes; v++) {
                messageScale[v] = messageScale[v] > 0 ? 1 / messageScale[v] : 0;
            }
        }
    }

    private static void copy(INDArray ints, int[] into) {
        if (ints.length() != into.length) {
            throw new IllegalArgumentException("expected " + into.length + " indices, got " + ints.length());
        }
        IntBuffer b = Values.ints(ints);
        int o = (int) ints.offset();
        for (int i = 0; i < into.length; i++) {
            into[i] = b.get(o + i);
        }
    }

    /** The forward pass; returns the logits {@code [graphs, labels]}. */
    INDArray forward(Params params, Batch batch) {
        if (batch.inputs().dataType() != dataType || params.dataType() != dataType) {
            throw new IllegalArgumentException("this network is " + dataType + ", got inputs "
                    + batch.inputs().dataType() + " and params " + params.dataType());
        }
        readStructure(batch);
        INDArray edgeFeatures = batch.get(GraphBatches.EDGE_FEATURES);
        INDArray h = encoder.forward(params, 0, batch.inputs());
        for (int r = 0; r < arch.rounds(); r++) {
            INDArray e = edgeEncoders[r].forward(params, arch.edgeFirst(r), edgeFeatures);
            EdgeAggregation.forward(h, e, senders, receivers, messageScale, messages[r], aggregates[r]);
            Values.sum(h, aggregates[r], updateInputs[r]);
            h = updates[r].forward(params, arch.updateFirst(r), updateInputs[r]);
        }
        GraphPooling.forward(h, graphIndex, poolScale, pooled);
        return head.forward(params, arch.headFirst(), pooled);
    }

    LossAndGradients lossAndGradients(Params params, Batch batch) {
        INDArray logits = forward(params, batch);
        double loss = SigmoidCrossEntropy.lossAndGradient(logits, batch.targets(), head.gradOutput());
        head.backward(params, arch.headFirst(), pooled, gradients, gradPooled);
        int last = arch.rounds() - 1;
        GraphPooling.backward(gradPooled, graphIndex, poolScale, updates[last].gradOutput());
        INDArray edgeFeatures = batch.get(GraphBatches.EDGE_FEATURES);
        for (int r = last; r >= 0; r--) {
            updates[r].backward(params, arch.updateFirst(r), updateInputs[r], gradients, gradUpdateInputs[r]);
            // dh_r = du_r (through the skip h_r + a_r) plus the scatter of the messages' gradients.
            INDArray gradH = r > 0 ? updates[r - 1].gradOutput() : encoder.gradOutput();
            Values.copy(gradUpdateInputs[r], gradH);
            EdgeAggregation.backward(gradUpdateInputs[r], messages[r], senders, receivers, messageScale, gradH,
                    edgeEncoders[r].gradOutput());
            edgeEncoders[r].backward(params, arch.edgeFirst(r), edgeFeatures, gradients, null);
        }
        encoder.backward(params, 0, batch.inputs(), gradients, null);
        return new LossAndGradients(loss, gradients);
    }

    @Override
    public void close() {
        encoder.close();
        head.close();
        pooled.close();
        gradPooled.close();
        for (int r = 0; r < arch.rounds(); r++) {
            edgeEncoders[r].close();
            updates[r].close();
            messages[r].close();
            aggregates[r].close();
            updateInputs[r].close();
            gradUpdateInputs[r].close();
        }
    }
}
