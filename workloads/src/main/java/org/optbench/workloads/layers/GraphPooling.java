package org.optbench.workloads.layers;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A graph-level readout over a disjoint union of graphs: {@code out[g] = scale[g] sum_{v: graph[v] = g} h[v]}
 * (scale 1 for a sum, {@code 1 / nodes of g} for a mean). Nodes with graph index {@code -1} are padding.
 * Backward: {@code dh[v] = scale[graph[v]] dout[graph[v]]}, zero on padding.
 */
public final class GraphPooling {
    private GraphPooling() {
    }

    /** Writes {@code out [G, dim]} (zeroed first) from {@code h [N, dim]}. */
    public static void forward(INDArray h, int[] graph, double[] scale, INDArray out) {
        int dim = (int) h.size(1);
        Values hv = Values.of(h);
        Values ov = Values.of(out);
        int outEntries = (int) out.length();
        for (int i = 0; i < outEntries; i++) {
            ov.set(i, 0);
        }
        for (int v = 0; v < graph.length; v++) {
            int g = graph[v];
            if (g < 0) {
                continue;
            }
            double c = scale[g];
            int h0 = v * dim;
            int o0 = g * dim;
            for (int d = 0; d < dim; d++) {
                ov.add(o0 + d, c * hv.get(h0 + d));
            }
        }
    }

    /** Writes {@code gradH [N, dim]} from {@code gradOut [G, dim]}. */
    public static void backward(INDArray gradOut, int[] graph, double[] scale, INDArray gradH) {
        int dim = (int) gradH.size(1);
        Values go = Values.of(gradOut);
        Values gh = Values.of(gradH);
        for (int v = 0; v < graph.length; v++) {
            int g = graph[v];
            int h0 = v * dim;
            if (g < 0) {
                for (int d = 0; d < dim; d++) {
                    gh.set(h0 + d, 0);
                }
                continue;
            }
            double c = scale[g];
            int o0 = g * dim;
            for (int d = 0; d < dim; d++) {
                gh.set(h0 + d, c * go.get(o0 + d));
            }
        }
    }
}
