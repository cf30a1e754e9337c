package org.optbench.submissions.precondition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.ParameterType;
import org.optbench.api.Params;
import org.optbench.submissions.ReferenceOptimizers;
import org.optbench.submissions.baselines.Shampoo;
import org.optbench.submissions.baselines.Sketchy;
import org.optbench.submissions.transform.Chain;
import org.optbench.submissions.transform.Optimizer;

/**
 * The memory goal "Sketchy's state on a 1024x1024 matrix at rank 64 at most 25 % of Shampoo's", checked on the
 * built optimizers (Shampoo at its default point, Sketchy at its default point with rank 64, float32) against the
 * closed forms of {@code OPTIMIZERS.md} 4b, 6b and 8: the preconditioners' states (Shampoo's statistics and roots,
 * {@code Σ_blocks 2(r² + c²)}; Sketchy's sketches, {@code (m+n)k + 4k + 4}) and the whole optimizers' states
 * (plus Shampoo's graft moment and two momenta, {@code 3mn}; Sketchy's RMSProp accumulator and momentum, {@code 2mn}).
 */
class PreconditionerMemoryTest {
    private static final int M = 1024;
    private static final int N = 1024;
    private static final int RANK = 64;

    @Test
    void sketchesAreAtMostAQuarterOfShampoosStatisticsAndRoots() {
        Params params = Params.builder()
                .add("w", ParameterType.WEIGHT, Nd4j.zeros(DataType.FLOAT, M, N)).build();
        Optimizer shampoo = ReferenceOptimizers.create("shampoo", new Shampoo().defaultHyperParameters(), 1000);
        Optimizer sketchy = ReferenceOptimizers.create("sketchy",
                new Sketchy().defaultHyperParameters().with(Map.of("rank", RANK)), 1000);
        Optimizer.State shampooState = shampoo.init(params);
        Optimizer.State sketchyState = sketchy.init(params);
        ShampooDirection.State shampooLink = (ShampooDirection.State) firstLink(shampooState);
        ScaleBySketchy.State sketchyLink = (ScaleBySketchy.State) firstLink(sketchyState);

        // Shampoo, default block 256: 4x4 blocks of 256x256, each with L, R and their roots.
        int block = PreconditionedOptimizers.DEFAULT_BLOCK_SIZE;
        long blocks = (long) (M / block) * (N / block);
        long shampooPreconditioner = 4L * blocks * 2 * (2L * block * block);
        assertEquals(shampooPreconditioner, shampooLink.preconditioner().stateBytes());
        // Sketchy: U per axis in float32 ((m+n)k floats); σ, inv (k each), ρ, inv_tail per axis in float64.
        long sketchyPreconditioner = 4L * (M + N) * RANK + 8L * (4 * RANK + 4);
        assertEquals(sketchyPreconditioner, sketchyLink.sketchBytes());

        double preconditionerRatio = (double) sketchyPreconditioner / shampooPreconditioner;
        assertTrue(preconditionerRatio <= 0.25, "preconditioner ratio " + preconditionerRatio);

        long mn = (long) M * N;
        long shampooWhole = shampooPreconditioner + 4L * 3 * mn;
        long sketchyWhole = sketchyPreconditioner + 4L * 2 * mn;
        assertEquals(shampooWhole, shampooState.stateBytes());
        assertEquals(sketchyWhole, sketchyState.stateBytes());
        double wholeRatio = (double) sketchyWhole / shampooWhole;
        // ~3.2 % for the preconditioners; ~31 % for the whole optimizers, whose graft and momentum buffers (2mn of
        // Sketchy's, 3mn of Shampoo's) do not shrink with the sketch: the 25 % goal holds for the former only.
        assertTrue(preconditionerRatio < 0.04, "preconditioner ratio " + preconditionerRatio);
        assertTrue(wholeRatio > 0.25 && wholeRatio < 0.32, "whole-optimizer ratio " + wholeRatio);
    }

    private static Object firstLink(Optimizer.State state) {
        return ((Chain.State) state.transform()).links().get(0);
    }
}
