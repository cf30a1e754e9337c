package org.optbench.workloads.gnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.optbench.api.Rng;

/** Motif labels on hand-made graphs, and the generator's documented properties. */
class MotifsTest {
    /** The labels' names that are true. */
    private static List<String> motifs(int[] atoms, int[][] bonds, int[] types) {
        int[] from = new int[bonds.length];
        int[] to = new int[bonds.length];
        for (int k = 0; k < bonds.length; k++) {
            from[k] = bonds[k][0];
            to[k] = bonds[k][1];
        }
        boolean[] labels = Motifs.of(atoms, from, to, types);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i]) {
                names.add(Motifs.NAMES.get(i));
            }
        }
        return names;
    }

    private static int[] ring(int n) {
        return new int[n];
    }

    private static int[][] cycle(int n) {
        int[][] b = new int[n][];
        for (int i = 0; i < n; i++) {
            b[i] = new int[] {i, (i + 1) % n};
        }
        return b;
    }

    @Test
    void ringsOfEachLength() {
        assertEquals(List.of("triangle"), motifs(ring(3), cycle(3), new int[3]));
        assertEquals(List.of("ring4"), motifs(ring(4), cycle(4), new int[4]));
        assertEquals(List.of("ring5"), motifs(ring(5), cycle(5), new int[5]));
        assertEquals(List.of("ring6"), motifs(ring(6), cycle(6), new int[6]));
        // A 7-ring has none of them.
        assertEquals(List.of(), motifs(ring(7), cycle(7), new int[7]));
        // A square with one diagonal: two triangles and the 4-cycle around them (type-1 atoms, so no atom has
        // three type-0 neighbours).
        assertEquals(List.of("triangle", "ring4"),
                motifs(new int[] {1, 1, 1, 1}, new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 0}, {0, 2}}, new int[5]));
    }

    @Test
    void atomsBondsAndBranching() {
        // A star: centre 0 (type 3) with four leaves of type 0, 0, 0, 4; the bond to the type-4 leaf is type 2.
        int[] atoms = {3, 0, 0, 0, 4};
        int[][] bonds = {{0, 1}, {0, 2}, {0, 3}, {0, 4}};
        assertEquals(List.of("degree4", "bond_3_4", "three_type0_neighbours"),
                motifs(atoms, bonds, new int[] {0, 0, 0, 2}));
        // No ring: a type-2 bond or a type-3 atom on a tree is on no cycle.
        // A triangle with a type-2 bond and a type-3 atom, and three type-4 atoms on a tail.
        int[] atoms2 = {3, 1, 1, 4, 4, 4};
        int[][] bonds2 = {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {3, 4}, {4, 5}};
        assertEquals(List.of("triangle", "ring_bond2", "three_type4", "ring_type3"),
                motifs(atoms2, bonds2, new int[] {2, 0, 0, 0, 0, 0}));
        // The same with the type-2 bond moved to the tail (a bridge): ring_bond2 goes.
        assertEquals(List.of("triangle", "three_type4", "ring_type3"),
                motifs(atoms2, bonds2, new int[] {0, 0, 0, 2, 0, 0}));
    }

    @Test
    void generatedGraphsAreConnectedWithBoundedDegreeAndSize() {
        MoleculeProblem p = MoleculeProblem.standard();
        Rng rng = Rng.of(1);
        for (int i = 0; i < 300; i++) {
            MoleculeGraph g = p.graph(rng);
            assertTrue(g.nodes() >= 10 && g.nodes() <= 30);
            assertTrue(g.edges() >= g.nodes() - 1 && g.edges() <= p.maxBonds());
            int[][] adj = g.adjacency();
            for (int[] neighbours : adj) {
                assertTrue(neighbours.length >= 1 && neighbours.length <= MoleculeProblem.MAX_DEGREE);
            }
            // Connected: a search from node 0 reaches every node.
            boolean[] seen = new boolean[g.nodes()];
            java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(List.of(0));
            seen[0] = true;
            int reached = 1;
            while (!queue.isEmpty()) {
                for (int u : adj[queue.poll()]) {
                    if (!seen[u]) {
                        seen[u] = true;
                        reached++;
                        queue.add(u);
                    }
                }
            }
            assertEquals(g.nodes(), reached);
            // Edges beyond the spanning tree close rings: a graph with more bonds than a tree has some cycle.
            boolean anyRing = false;
            for (int k = 0; k < g.edges(); k++) {
                anyRing |= Motifs.onCycle(adj, g.edgeFrom()[k], g.edgeTo()[k]);
            }
            assertEquals(g.edges() > g.nodes() - 1, anyRing);
        }
    }
}
