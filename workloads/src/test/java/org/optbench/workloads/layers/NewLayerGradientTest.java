package org.optbench.workloads.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.DoubleSupplier;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Params;
import org.optbench.api.Rng;

/**
 * The layers of the recommendation and graph workloads (embedding lookup and scatter-add, dot interactions,
 * sigmoid cross-entropy, edge aggregation, graph pooling, MLP stacks) against central finite differences in
 * float64 and hand-computed values.
 */
class NewLayerGradientTest {
    private final Rng rng = Rng.of(99);

    private INDArray gaussian(long... shape) {
        INDArray a = Nd4j.zeros(DataType.DOUBLE, shape);
        Initializers.normal(a, 1.0, rng);
        return a;
    }

    private static double dot(INDArray g, INDArray y) {
        Values gv = Values.of(g);
        Values yv = Values.of(y);
        double s = 0;
        for (int i = 0; i < g.length(); i++) {
            s += gv.get(i) * yv.get(i);
        }
        return s;
    }

    @Test
    void embeddingLookupCopiesRowsAndScatterAddSumsRepeatedRows() {
        INDArray table = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        INDArray out = Nd4j.zeros(DataType.DOUBLE, 3, 5);
        int[] rows = {2, 0, 2};
        Embedding.lookup(table, rows, out, 1);
        assertEquals(Nd4j.createFromArray(new double[][] {{0, 5, 6, 0, 0}, {0, 1, 2, 0, 0}, {0, 5, 6, 0, 0}}), out);
        INDArray gradOut = Nd4j.createFromArray(new double[][] {{9, 1, 2, 9, 9}, {9, 3, 4, 9, 9}, {9, 10, 20, 9, 9}});
        INDArray gradTable = Nd4j.zeros(DataType.DOUBLE, 3, 2);
        Embedding.scatterAdd(gradOut, 1, rows, gradTable);
        // Row 2 was looked up twice: its gradient is the sum (1 + 10, 2 + 20); row 1 was not: zero.
        assertEquals(Nd4j.createFromArray(new double[][] {{3, 4}, {0, 0}, {11, 22}}), gradTable);
        Embedding.zeroRows(gradTable, new int[] {2});
        assertEquals(Nd4j.createFromArray(new double[][] {{3, 4}, {0, 0}, {0, 0}}), gradTable);
    }

    @Test
    void embeddingScatterAddIsTheGradientOfTheLookup() {
        INDArray table = gaussian(5, 3);
        int[] rows = {4, 1, 4, 0};
        INDArray out = Nd4j.zeros(DataType.DOUBLE, 4, 7);
        INDArray g = gaussian(4, 7);
        INDArray gradTable = Nd4j.zeros(DataType.DOUBLE, 5, 3);
        Embedding.lookup(table, rows, out, 2);
        Embedding.scatterAdd(g, 2, rows, gradTable);
        FiniteDifferences.check("table", table, gradTable.dup(), () -> {
            Embedding.lookup(table, rows, out, 2);
            return dot(g, out);
        });
    }

    @Test
    void tokenAndPositionLookupsAddUpAndBackwardOverwritesTheTable() {
        // The transformer's use: tokens written, positions added into the same rows, whole-table gradients.
        INDArray tokens = gaussian(5, 3);
        INDArray positions = gaussian(2, 3);
        int[] ids = {1, 4, 1, 0};
        int[] steps = {0, 1, 0, 1};
        INDArray out = Nd4j.zeros(DataType.DOUBLE, 4, 3);
        Embedding.lookup(tokens, ids, out, 0);
        Embedding.lookupAdd(positions, steps, out, 0);
        for (int n = 0; n < ids.length; n++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(tokens.getDouble(ids[n], c) + positions.getDouble(steps[n], c), out.getDouble(n, c),
                        1e-15);
            }
        }
        INDArray g = gaussian(4, 3);
        INDArray dtokens = gaussian(5, 3); // stale values: backward overwrites them
        INDArray dpositions = gaussian(2, 3);
        Embedding.backward(g, 0, ids, dtokens);
        Embedding.backward(g, 0, steps, dpositions);
        // Token 1 is used twice: its gradient is the sum of rows 0 and 2 of g; tokens 2 and 3 are unused.
        assertEquals(g.getDouble(0, 1) + g.getDouble(2, 1), dtokens.getDouble(1, 1), 1e-15);
        assertEquals(0.0, dtokens.getDouble(2, 0), 0);
        DoubleSupplier f = () -> {
            Embedding.lookup(tokens, ids, out, 0);
            Embedding.lookupAdd(positions, steps, out, 0);
            return dot(g, out);
        };
        FiniteDifferences.check("tokens", tokens, dtokens.dup(), f);
        FiniteDifferences.check("positions", positions, dpositions.dup(), f);
    }

    @Test
    void lookupRejectsARowOutsideTheTable() {
        INDArray table = gaussian(3, 2);
        INDArray out = Nd4j.zeros(DataType.DOUBLE, 1, 2);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Embedding.lookup(table, new int[] {3}, out, 0));
    }

    @Test
    void dotInteractionMatchesHandValuesAndFiniteDifferences() {
        // Three 2-d vectors (1, 2), (3, 4), (5, 6): pairs (0,1) = 11, (0,2) = 17, (1,2) = 39.
        INDArray z = Nd4j.createFromArray(new double[][] {{1, 2, 3, 4, 5, 6}});
        INDArray out = Nd4j.zeros(DataType.DOUBLE, 1, 4);
        DotInteraction.forward(z, 3, 2, out, 1);
        assertEquals(Nd4j.createFromArray(new double[][] {{0, 11, 17, 39}}), out);
        assertEquals(3, DotInteraction.pairs(3));

        INDArray zz = gaussian(3, 4 * 3);
        INDArray o = Nd4j.zeros(DataType.DOUBLE, 3, 2 + 6);
        INDArray g = gaussian(3, 8);
        INDArray dz = Nd4j.zeros(DataType.DOUBLE, 3, 12);
        DotInteraction.forward(zz, 4, 3, o, 2);
        DotInteraction.backward(zz, 4, 3, g, 2, dz);
        FiniteDifferences.check("z", zz, dz.dup(), () -> {
            DotInteraction.forward(zz, 4, 3, o, 2);
            // Only the interaction columns depend on z.
            return dot(g.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 8)).dup(),
                    o.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                            org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 8)).dup());
        });
    }

    @Test
    void sigmoidCrossEntropyClosedFormsAndGradient() {
        INDArray z = Nd4j.createFromArray(new double[][] {{0, 1000}, {-1000, 2}});
        INDArray t = Nd4j.createFromArray(new double[][] {{1, 0}, {0, 1}});
        INDArray grad = Nd4j.zeros(DataType.DOUBLE, 2, 2);
        double loss = SigmoidCrossEntropy.lossAndGradient(z, t, grad);
        // log 2 at z = 0; 1000 for a confident wrong answer; 0 for a confident right one; log(1 + e^-2).
        assertEquals((Math.log(2) + 1000 + 0 + Math.log1p(Math.exp(-2))) / 4, loss, 1e-12);
        assertEquals((0.5 - 1) / 4, grad.getDouble(0, 0), 1e-15);
        assertEquals((1.0 - 0) / 4, grad.getDouble(0, 1), 1e-15);

        INDArray zr = gaussian(3, 4);
        INDArray tr = Nd4j.zeros(DataType.DOUBLE, 3, 4);
        Initializers.uniform(tr, 0.5, rng);
        tr.addi(0.5); // soft targets in [0, 1]
        INDArray gr = Nd4j.zeros(DataType.DOUBLE, 3, 4);
        SigmoidCrossEntropy.lossAndGradient(zr, tr, gr);
        FiniteDifferences.check("logits", zr, gr.dup(), () -> SigmoidCrossEntropy.lossAndGradient(zr, tr, null));
    }

    private void checkEdgeAggregation(boolean mean) {
        // Two graphs: nodes 0-2 (edges 0->1, 1->0, 1->2, 2->1, 0->2) and nodes 3-4 (3->4, 4->3); one padding edge.
        int[] senders = {0, 1, 1, 2, 0, 3, 4, -1};
        int[] receivers = {1, 0, 2, 1, 2, 4, 3, -1};
        double[] scale = new double[6];
        for (int k = 0; k < senders.length; k++) {
            if (senders[k] >= 0) {
                scale[receivers[k]]++;
            }
        }
        for (int v = 0; v < 6; v++) {
            scale[v] = !mean ? 1 : scale[v] > 0 ? 1 / scale[v] : 0;
        }
        INDArray h = gaussian(6, 3);
        INDArray e = gaussian(8, 3);
        INDArray messages = Nd4j.zeros(DataType.DOUBLE, 8, 3);
        INDArray aggregate = Nd4j.zeros(DataType.DOUBLE, 6, 3);
        INDArray g = gaussian(6, 3);
        INDArray gradH = Nd4j.zeros(DataType.DOUBLE, 6, 3);
        INDArray gradE = gaussian(8, 3); // overwritten, including the padding row
        EdgeAggregation.forward(h, e, senders, receivers, scale, messages, aggregate);
        // Node 2 receives from 1 and 0: relu(h1 + e2) and relu(h0 + e4), summed (or averaged).
        for (int d = 0; d < 3; d++) {
            double expected = Math.max(0, h.getDouble(1, d) + e.getDouble(2, d))
                    + Math.max(0, h.getDouble(0, d) + e.getDouble(4, d));
            assertEquals(mean ? expected / 2 : expected, aggregate.getDouble(2, d), 1e-14);
            assertEquals(0, aggregate.getDouble(5, d), "node 5 receives nothing");
        }
        EdgeAggregation.backward(g, messages, senders, receivers, scale, gradH, gradE);
        assertEquals(0, gradE.getRow(7).norm1Number().doubleValue(), "padding edge");
        DoubleSupplier f = () -> {
            EdgeAggregation.forward(h, e, senders, receivers, scale, messages, aggregate);
            return dot(g, aggregate);
        };
        FiniteDifferences.check("h", h, gradH.dup(), f);
        FiniteDifferences.check("e", e, gradE.dup(), f);
    }

    @Test
    void sumAggregationMatchesHandValuesAndFiniteDifferences() {
        checkEdgeAggregation(false);
    }

    @Test
    void meanAggregationMatchesHandValuesAndFiniteDifferences() {
        checkEdgeAggregation(true);
    }

    @Test
    void graphPoolingAveragesEachGraphsNodes() {
        INDArray h = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}, {10, 20}, {7, 7}});
        int[] graph = {0, 0, 1, -1};
        INDArray out = Nd4j.zeros(DataType.DOUBLE, 2, 2);
        GraphPooling.forward(h, graph, new double[] {0.5, 1.0}, out);
        assertEquals(Nd4j.createFromArray(new double[][] {{2, 3}, {10, 20}}), out);

        INDArray hr = gaussian(7, 3);
        int[] g2 = {0, 1, 0, 2, 2, -1, -1};
        double[] scale = {0.5, 1, 0.5};
        INDArray o = Nd4j.zeros(DataType.DOUBLE, 3, 3);
        INDArray go = gaussian(3, 3);
        INDArray gh = gaussian(7, 3);
        GraphPooling.forward(hr, g2, scale, o);
        GraphPooling.backward(go, g2, scale, gh);
        FiniteDifferences.check("h", hr, gh.dup(), () -> {
            GraphPooling.forward(hr, g2, scale, o);
            return dot(go, o);
        });
    }

    @Test
    void mlpStackWithAndWithoutTheLastActivation() {
        for (boolean activateLast : new boolean[] {true, false}) {
            for (Activation act : Activation.values()) {
                Mlp mlp = new Mlp(List.of(4, 5, 3), act);
                ParameterLayout layout = new ParameterLayout();
                layout.add("other", org.optbench.api.ParameterType.OTHER, 2);
                int first = layout.addMlp("m", mlp);
                Params params = layout.zeros(DataType.DOUBLE);
                Initializers.mlp(params, first, mlp, rng);
                Initializers.normal(params.value(first + 1), 0.1, rng); // nonzero biases
                Params grads = layout.zeros(DataType.DOUBLE);
                MlpStack stack = new MlpStack(mlp, activateLast, 6, DataType.DOUBLE);
                INDArray x = gaussian(6, 4);
                INDArray g = gaussian(6, 3);
                INDArray dx = Nd4j.zeros(DataType.DOUBLE, 6, 4);
                stack.forward(params, first, x);
                stack.gradOutput().assign(g);
                stack.backward(params, first, x, grads, dx);
                DoubleSupplier f = () -> dot(g, stack.forward(params, first, x));
                String what = act + (activateLast ? " activated" : " linear") + " ";
                for (int i = first; i < params.size(); i++) {
                    FiniteDifferences.check(what + params.get(i).name(), params.value(i), grads.value(i).dup(), f);
                }
                FiniteDifferences.check(what + "x", x, dx.dup(), f);
            }
        }
    }
}
