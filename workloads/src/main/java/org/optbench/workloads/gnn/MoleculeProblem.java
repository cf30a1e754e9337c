package org.optbench.workloads.gnn;

import java.util.ArrayList;
import java.util.List;

import org.optbench.api.Rng;

/**
 * Synthetic molecule-like graphs with motif labels.
 *
 * <p>Generator, all from {@code Rng.of(dataSeed)}, per graph: {@code n} uniform in
 * {@code [minNodes, maxNodes]}; atom types drawn with probabilities 0.4, 0.2, 0.2, 0.1, 0.1; a random tree (node
 * {@code i} bonds to a uniformly drawn earlier node with fewer than three bonds); then 0 to 3 ring closures, each
 * from a random atom with fewer than four bonds to one at graph distance {@code d} in {2, 3, 4, 5} (drawn
 * uniformly; skipped when none is free), which closes a ring of {@code d + 1} atoms. No atom gets more than four
 * bonds. Bond types 0, 1, 2 with probabilities 0.7, 0.2, 0.1. Node features are the atom type one-hot plus
 * Gaussian noise of standard deviation {@code featureNoise}; edge features the bond type one-hot. Labels:
 * {@link Motifs}.
 *
 * @param minNodes the fewest atoms
 * @param maxNodes the most atoms
 * @param featureNoise the noise on the node features
 * @param trainGraphs training set size
 * @param validationGraphs validation set size
 * @param testGraphs test set size
 * @param dataSeed the seed of everything drawn
 */
public record MoleculeProblem(int minNodes, int maxNodes, double featureNoise, int trainGraphs,
                              int validationGraphs, int testGraphs, long dataSeed) {
    /** The number of atom types. */
    public static final int ATOM_TYPES = 5;
    /** The number of bond types. */
    public static final int BOND_TYPES = 3;
    /** The most bonds of an atom. */
    public static final int MAX_DEGREE = 4;
    /** The most ring closures of a graph. */
    public static final int MAX_CLOSURES = 3;
    /** The most bonds of an atom in the spanning tree: only ring closures make a fourth. */
    private static final int TREE_DEGREE = 3;
    private static final double[] ATOM_CDF = {0.4, 0.6, 0.8, 0.9, 1.0};
    private static final double[] BOND_CDF = {0.7, 0.9, 1.0};

    /** The standard problem: 10 to 30 atoms, noise 0.1, 20,000 / 2,000 / 2,000 graphs. */
    public static MoleculeProblem standard() {
        return new MoleculeProblem(10, 30, 0.1, 20_000, 2_000, 2_000, 0x6A0F_1ECL);
    }

    /**
     * The standard problem's graphs, drawn once per JVM and shared by {@code graph_gnn} and its variants (nothing
     * writes to them).
     */
    public static Data standardData() {
        return StandardData.DATA;
    }

    /** Holds the standard graphs; the class initialiser draws them on first use, once. */
    private static final class StandardData {
        static final Data DATA = standard().generate();
    }

    /** Checks the sizes. */
    public MoleculeProblem {
        if (minNodes < 3 || maxNodes < minNodes) {
            throw new IllegalArgumentException("need 3 <= minNodes <= maxNodes, got " + minNodes + ", " + maxNodes);
        }
    }

    /**
     * The drawn graphs.
     *
     * @param train training graphs
     * @param validation validation graphs
     * @param test test graphs
     */
    public record Data(List<MoleculeGraph> train, List<MoleculeGraph> validation, List<MoleculeGraph> test) {
    }

    /** The most bonds a graph can have: a spanning tree's {@code maxNodes - 1} plus the ring closures. */
    public int maxBonds() {
        return maxNodes - 1 + MAX_CLOSURES;
    }

    /** Draws the data set. Deterministic in the record's fields. */
    public Data generate() {
        Rng rng = Rng.of(dataSeed);
        return new Data(graphs(rng.split(1), trainGraphs), graphs(rng.split(2), validationGraphs),
                graphs(rng.split(3), testGraphs));
    }

    private List<MoleculeGraph> graphs(Rng rng, int count) {
        List<MoleculeGraph> graphs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            graphs.add(graph(rng));
        }
        return List.copyOf(graphs);
    }

    /** One random graph. */
    MoleculeGraph graph(Rng rng) {
        int n = minNodes + rng.nextInt(maxNodes - minNodes + 1);
        int[] atoms = new int[n];
        for (int v = 0; v < n; v++) {
            atoms[v] = draw(ATOM_CDF, rng.nextDouble());
        }
        int[] degree = new int[n];
        List<int[]> edges = new ArrayList<>();
        boolean[][] bonded = new boolean[n][n];
        for (int v = 1; v < n; v++) {
            int u;
            do {
                u = rng.nextInt(v);
            } while (degree[u] >= TREE_DEGREE);
            bond(edges, bonded, degree, u, v);
        }
        int closures = rng.nextInt(MAX_CLOSURES + 1);
        for (int c = 0; c < closures; c++) {
            int a = rng.nextInt(n);
            int distance = 2 + rng.nextInt(4);
            if (degree[a] >= MAX_DEGREE) {
                continue;
            }
            int[] dist = distances(bonded, a);
            List<Integer> candidates = new ArrayList<>();
            for (int b = 0; b < n; b++) {
                if (dist[b] == distance && degree[b] < MAX_DEGREE) {
                    candidates.add(b);
                }
            }
            if (!candidates.isEmpty()) {
                bond(edges, bonded, degree, a, candidates.get(rng.nextInt(candidates.size())));
            }
        }
        int m = edges.size();
        int[] from = new int[m];
        int[] to = new int[m];
        int[] bonds = new int[m];
        for (int k = 0; k < m; k++) {
            from[k] = edges.get(k)[0];
            to[k] = edges.get(k)[1];
            bonds[k] = draw(BOND_CDF, rng.nextDouble());
        }
        double[] features = new double[n * ATOM_TYPES];
        for (int v = 0; v < n; v++) {
            for (int t = 0; t < ATOM_TYPES; t++) {
                features[v * ATOM_TYPES + t] = (atoms[v] == t ? 1 : 0) + featureNoise * rng.nextGaussian();
            }
        }
        return new MoleculeGraph(atoms, features, from, to, bonds, Motifs.of(atoms, from, to, bonds));
    }

    private static void bond(List<int[]> edges, boolean[][] bonded, int[] degree, int u, int v) {
        edges.add(new int[] {u, v});
        bonded[u][v] = true;
        bonded[v][u] = true;
        degree[u]++;
        degree[v]++;
    }

    /** Breadth-first graph distances from {@code a}; -1 where unreachable. */
    private static int[] distances(boolean[][] bonded, int a) {
        int n = bonded.length;
        int[] dist = new int[n];
        java.util.Arrays.fill(dist, -1);
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        queue[tail++] = a;
        dist[a] = 0;
        while (head < tail) {
            int v = queue[head++];
            for (int u = 0; u < n; u++) {
                if (bonded[v][u] && dist[u] < 0) {
                    dist[u] = dist[v] + 1;
                    queue[tail++] = u;
                }
            }
        }
        return dist;
    }

    private static int draw(double[] cdf, double u) {
        int i = 0;
        while (i < cdf.length - 1 && u >= cdf[i]) {
            i++;
        }
        return i;
    }
}
