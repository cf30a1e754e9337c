package org.optbench.workloads.gnn;

import java.nio.IntBuffer;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Batch;
import org.optbench.workloads.layers.Values;

/**
 * A batch of graphs as one disjoint union in arrays sized for the largest possible graphs, allocated once:
 * {@code "inputs"} node features {@code [graphs * maxNodes, atomTypes]}, {@code "edge_features"}
 * {@code [graphs * 2 * maxBonds, bondTypes]}, INT {@code "senders"} and {@code "receivers"} (each bond twice, once
 * each way), INT {@code "graph_index"} (the graph of each node), {@code "targets"} {@code [graphs, labels]}.
 * Rows past the batch's real nodes and edges are padding: graph index and sender {@code -1}, features zero.
 */
final class GraphBatches {
    /** The batch's edge feature array. */
    static final String EDGE_FEATURES = "edge_features";
    /** The batch's sending node of each directed edge. */
    static final String SENDERS = "senders";
    /** The batch's receiving node of each directed edge. */
    static final String RECEIVERS = "receivers";
    /** The batch's graph of each node. */
    static final String GRAPH_INDEX = "graph_index";

    final int graphs;
    final int maxNodes;
    final int maxEdges;
    final INDArray nodes;
    final INDArray edges;
    final INDArray senders;
    final INDArray receivers;
    final INDArray graphIndex;
    final INDArray targets;
    final Batch batch;

    GraphBatches(int graphs, MoleculeProblem problem, int labels, DataType dataType) {
        this.graphs = graphs;
        this.maxNodes = graphs * problem.maxNodes();
        this.maxEdges = 2 * graphs * problem.maxBonds();
        nodes = Nd4j.zeros(dataType, maxNodes, MoleculeProblem.ATOM_TYPES);
        edges = Nd4j.zeros(dataType, maxEdges, MoleculeProblem.BOND_TYPES);
        senders = Nd4j.zeros(DataType.INT, maxEdges);
        receivers = Nd4j.zeros(DataType.INT, maxEdges);
        graphIndex = Nd4j.zeros(DataType.INT, maxNodes);
        targets = Nd4j.zeros(dataType, graphs, labels);
        batch = new Batch(Map.of(Batch.INPUTS, nodes, EDGE_FEATURES, edges, SENDERS, senders, RECEIVERS, receivers,
                GRAPH_INDEX, graphIndex, Batch.TARGETS, targets), graphs);
    }

    /** Fills the arrays with graphs {@code order[from], ...} (or {@code from, ...} when {@code order} is null). */
    Batch fill(List<MoleculeGraph> source, int[] order, int from) {
        Values x = Values.of(nodes);
        Values f = Values.of(edges);
        Values t = Values.of(targets);
        IntBuffer s = Values.ints(senders);
        IntBuffer r = Values.ints(receivers);
        IntBuffer gi = Values.ints(graphIndex);
        int so = (int) senders.offset();
        int ro = (int) receivers.offset();
        int go = (int) graphIndex.offset();
        int atomTypes = MoleculeProblem.ATOM_TYPES;
        int bondTypes = MoleculeProblem.BOND_TYPES;
        int labels = (int) targets.size(1);
        int node = 0;
        int edge = 0;
        for (int g = 0; g < graphs; g++) {
            MoleculeGraph graph = source.get(order == null ? from + g : order[from + g]);
            int base = node;
            for (int v = 0; v < graph.nodes(); v++, node++) {
                for (int c = 0; c < atomTypes; c++) {
                    x.set(node * atomTypes + c, graph.nodeFeatures()[v * atomTypes + c]);
                }
                gi.put(go + node, g);
            }
            for (int k = 0; k < graph.edges(); k++) {
                for (int way = 0; way < 2; way++, edge++) {
                    int a = base + (way == 0 ? graph.edgeFrom()[k] : graph.edgeTo()[k]);
                    int b = base + (way == 0 ? graph.edgeTo()[k] : graph.edgeFrom()[k]);
                    s.put(so + edge, a);
                    r.put(ro + edge, b);
                    for (int c = 0; c < bondTypes; c++) {
                        f.set(edge * bondTypes + c, graph.bonds()[k] == c ? 1 : 0);
                    }
                }
            }
            for (int l = 0; l < labels; l++) {
                t.set(g * labels + l, graph.labels()[l] ? 1 : 0);
            }
        }
        for (; node < maxNodes; node++) {
            for (int c = 0; c < atomTypes; c++) {
                x.set(node * atomTypes + c, 0);
            }
            gi.put(go + node, -1);
        }
        for (; edge < maxEdges; edge++) {
            s.put(so + edge, -1);
            r.put(ro + edge, -1);
            for (int c = 0; c < bondTypes; c++) {
                f.set(edge * bondTypes + c, 0);
            }
        }
        return batch;
    }
}
