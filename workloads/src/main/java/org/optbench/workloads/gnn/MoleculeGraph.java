package org.optbench.workloads.gnn;

/**
 * One undirected graph with typed atoms and bonds, and its labels.
 *
 * @param atoms each node's atom type
 * @param nodeFeatures each node's features, {@code [nodes][atomTypes]} flattened: the atom type one-hot plus noise
 * @param edgeFrom one end of each bond
 * @param edgeTo the other end
 * @param bonds each bond's type
 * @param labels the motif labels ({@link Motifs})
 */
public record MoleculeGraph(int[] atoms, double[] nodeFeatures, int[] edgeFrom, int[] edgeTo, int[] bonds,
                            boolean[] labels) {

    /** The number of atoms. */
    public int nodes() {
        return atoms.length;
    }

    /** The number of bonds (undirected edges). */
    public int edges() {
        return edgeFrom.length;
    }

    /** The adjacency lists: {@code adjacency()[v]} are the neighbours of {@code v}. */
    public int[][] adjacency() {
        int n = nodes();
        int[] degree = new int[n];
        for (int k = 0; k < edges(); k++) {
            degree[edgeFrom[k]]++;
            degree[edgeTo[k]]++;
        }
        int[][] adj = new int[n][];
        for (int v = 0; v < n; v++) {
            adj[v] = new int[degree[v]];
        }
        int[] fill = new int[n];
        for (int k = 0; k < edges(); k++) {
            adj[edgeFrom[k]][fill[edgeFrom[k]]++] = edgeTo[k];
            adj[edgeTo[k]][fill[edgeTo[k]]++] = edgeFrom[k];
        }
        return adj;
    }
}
