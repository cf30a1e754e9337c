package org.optbench.workloads.gnn;

import java.util.List;

/**
 * The graph-level labels of a molecule-like graph: structural motifs, computed exactly from the bonds and atom
 * types. Label {@code i} is {@link #NAMES}{@code [i]}:
 * <ol start="0">
 *   <li>{@code triangle}: a cycle of length 3;</li>
 *   <li>{@code ring4}, 2. {@code ring5}, 3. {@code ring6}: a simple cycle of length 4, 5, 6 (not necessarily
 *   chordless);</li>
 *   <li>{@code degree4}: an atom with four bonds;</li>
 *   <li>{@code bond_3_4}: an atom of type 3 bonded to an atom of type 4;</li>
 *   <li>{@code ring_bond2}: a bond of type 2 on a cycle (not a bridge);</li>
 *   <li>{@code three_type4}: at least three atoms of type 4;</li>
 *   <li>{@code three_type0_neighbours}: an atom with at least three neighbours of type 0;</li>
 *   <li>{@code ring_type3}: an atom of type 3 on a cycle.</li>
 * </ol>
 */
public final class Motifs {
    /** The labels' names, in order. */
    public static final List<String> NAMES = List.of("triangle", "ring4", "ring5", "ring6", "degree4", "bond_3_4",
            "ring_bond2", "three_type4", "three_type0_neighbours", "ring_type3");

    private Motifs() {
    }

    /** The labels of a graph with these atom types and bonds. */
    public static boolean[] of(int[] atoms, int[] from, int[] to, int[] bonds) {
        int n = atoms.length;
        MoleculeGraph g = new MoleculeGraph(atoms, new double[0], from, to, bonds, new boolean[0]);
        int[][] adj = g.adjacency();
        boolean[] labels = new boolean[NAMES.size()];
        for (int k = 3; k <= 6; k++) {
            labels[k - 3] = hasCycle(adj, k);
        }
        int type4 = 0;
        for (int v = 0; v < n; v++) {
            labels[4] |= adj[v].length >= 4;
            type4 += atoms[v] == 4 ? 1 : 0;
            int type0 = 0;
            for (int u : adj[v]) {
                type0 += atoms[u] == 0 ? 1 : 0;
            }
            labels[8] |= type0 >= 3;
        }
        labels[7] = type4 >= 3;
        for (int k = 0; k < from.length; k++) {
            int a = atoms[from[k]];
            int b = atoms[to[k]];
            labels[5] |= (a == 3 && b == 4) || (a == 4 && b == 3);
            boolean onCycle = onCycle(adj, from[k], to[k]);
            labels[6] |= bonds[k] == 2 && onCycle;
            labels[9] |= onCycle && (a == 3 || b == 3);
        }
        return labels;
    }

    /** Whether the graph has a simple cycle of exactly {@code length} nodes. */
    static boolean hasCycle(int[][] adj, int length) {
        int n = adj.length;
        int[] path = new int[length];
        boolean[] used = new boolean[n];
        for (int s = 0; s < n; s++) {
            // Cycles through s whose other nodes all have larger indices: each cycle is found from its least node.
            path[0] = s;
            used[s] = true;
            boolean found = extend(adj, path, 1, length, used);
            used[s] = false;
            if (found) {
                return true;
            }
        }
        return false;
    }

    private static boolean extend(int[][] adj, int[] path, int size, int length, boolean[] used) {
        int last = path[size - 1];
        if (size == length) {
            for (int u : adj[last]) {
                if (u == path[0]) {
                    return true;
                }
            }
            return false;
        }
        for (int u : adj[last]) {
            if (u > path[0] && !used[u]) {
                used[u] = true;
                path[size] = u;
                boolean found = extend(adj, path, size + 1, length, used);
                used[u] = false;
                if (found) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the bond {@code a-b} lies on a cycle: {@code b} is still reachable from {@code a} without it. */
    static boolean onCycle(int[][] adj, int a, int b) {
        int n = adj.length;
        boolean[] seen = new boolean[n];
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        queue[tail++] = a;
        seen[a] = true;
        while (head < tail) {
            int v = queue[head++];
            for (int u : adj[v]) {
                if ((v == a && u == b) || (v == b && u == a) || seen[u]) {
                    continue;
                }
                if (u == b) {
                    return true;
                }
                seen[u] = true;
                queue[tail++] = u;
            }
        }
        return false;
    }
}
