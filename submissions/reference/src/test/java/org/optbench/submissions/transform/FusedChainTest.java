package org.optbench.submissions.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.HyperParameters;
import org.optbench.api.ParameterType;
import org.optbench.api.Params;
import org.optbench.api.Submission;
import org.optbench.submissions.ReferenceOptimizers;
import org.optbench.submissions.baselines.ScheduleFreeAdamW;
import org.optbench.submissions.baselines.Shampoo;
import org.optbench.submissions.baselines.Sketchy;
import org.optbench.submissions.baselines.Sonew;

/**
 * The one-pass step of all-elementwise chains against the same optimizer run link by link: the same parameters
 * and moments, bit for bit, for every such built-in, on tensors that end mid-chunk.
 */
class FusedChainTest {
    private static final Map<String, Object> ADAM = Map.of("learning_rate", 3e-3, "one_minus_beta1", 0.1,
            "beta2", 0.999, "weight_decay", 0.01, "warmup_factor", 0.05);
    private static final Map<String, Object> SGD = Map.of("learning_rate", 0.1, "one_minus_beta1", 0.1,
            "weight_decay", 5e-4, "warmup_factor", 0.05);

    /** A weight of 3 chunks and a bit, a bias shorter than a chunk, an embedding of exactly one chunk. */
    private static Params params(DataType type, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Params.builder()
                .add("w", ParameterType.WEIGHT, Nd4j.randn(type, 61, 53).muli(0.1))
                .add("b", ParameterType.BIAS, Nd4j.randn(type, 37).muli(0.1))
                .add("e", ParameterType.EMBEDDING, Nd4j.randn(type, 16, Elements.CHUNK / 16).muli(0.1))
                .build();
    }

    private static Params gradients(Params like, Random random) {
        Params g = like.zerosLike();
        for (int i = 0; i < g.size(); i++) {
            float[] values = new float[(int) g.value(i).length()];
            for (int k = 0; k < values.length; k++) {
                // a few exact zeros and negative zeros, where a stray 0 * x would show
                values[k] = k % 97 == 0 ? (k % 2 == 0 ? 0f : -0f) : (float) (random.nextGaussian() * 1e-2);
            }
            g.value(i).assign(Nd4j.createFromArray(values).reshape(g.value(i).shape()));
        }
        return g;
    }

    private static int[] bits(Params p) {
        int total = 0;
        for (int i = 0; i < p.size(); i++) {
            total += (int) p.value(i).length();
        }
        int[] out = new int[total];
        int at = 0;
        for (int i = 0; i < p.size(); i++) {
            for (float v : p.value(i).dup().data().asFloat()) {
                out[at++] = Float.floatToRawIntBits(v);
            }
        }
        return out;
    }

    private static void assertSameTrajectory(String name, Map<String, Object> point) {
        Optimizer fused = ReferenceOptimizers.create(name, HyperParameters.of(point), 200);
        Optimizer unfused = fused.unfused();
        assertTrue(fused.fuses(), name);
        assertFalse(unfused.fuses(), name);
        Params a = params(DataType.FLOAT, 3);
        Params b = a.copy();
        Optimizer.State sa = fused.init(a);
        Optimizer.State sb = unfused.init(b);
        Random random = new Random(7);
        for (int step = 0; step < 30; step++) {
            Params g = gradients(a, random);
            fused.step(a, g, sa);
            unfused.step(b, g, sb);
            assertArrayEquals(bits(b), bits(a), name + " parameters, step " + step);
        }
        assertEquals(sb.stateBytes(), sa.stateBytes());
        Chain.State ca = (Chain.State) sa.transform();
        Chain.State cb = (Chain.State) sb.transform();
        for (int i = 0; i < ca.links().size(); i++) {
            if (ca.links().get(i) instanceof ScaleByAdam.State ma) {
                ScaleByAdam.State mb = (ScaleByAdam.State) cb.links().get(i);
                assertArrayEquals(bits(mb.mu()), bits(ma.mu()), name + " first moment");
                assertArrayEquals(bits(mb.nu()), bits(ma.nu()), name + " second moment");
                assertEquals(mb.count(), ma.count());
            }
            if (ca.links().get(i) instanceof Momentum.State ma) {
                assertArrayEquals(bits(((Momentum.State) cb.links().get(i)).buffer()), bits(ma.buffer()),
                        name + " momentum");
            }
        }
    }

    @Test
    void adamFamilyStepsBitForBitAsLinkByLink() {
        assertSameTrajectory("adamw", ADAM);
        assertSameTrajectory("nadamw", ADAM);
        assertSameTrajectory("adamw", Map.of("learning_rate", 3e-3, "one_minus_beta1", 0.1, "beta2", 0.999,
                "weight_decay", 0.0, "warmup_factor", 0.05)); // no decay: the decay link must add nothing
    }

    @Test
    void sgdFamilyStepsBitForBitAsLinkByLink() {
        assertSameTrajectory("sgd_nesterov", SGD);
        assertSameTrajectory("sgd_momentum", SGD);
    }

    @Test
    void chainsWithAWholeTensorLinkAndFloat64StayLinkByLink() {
        for (Submission s : new Submission[] {new ScheduleFreeAdamW(), new Shampoo(), new Sonew(), new Sketchy()}) {
            assertFalse(ReferenceOptimizers.create(s.name(), s.defaultHyperParameters(), 200).fuses(), s.name());
        }
        // float64 goes link by link even where the chain fuses: the same numbers as the unfused optimizer
        Optimizer adamw = ReferenceOptimizers.create("adamw", HyperParameters.of(ADAM), 200);
        Params a = params(DataType.DOUBLE, 5);
        Params b = a.copy();
        Optimizer.State sa = adamw.init(a);
        Optimizer.State sb = adamw.unfused().init(b);
        Params g = a.zerosLike();
        for (int i = 0; i < g.size(); i++) {
            g.value(i).assign(Nd4j.randn(DataType.DOUBLE, g.value(i).shape()).muli(1e-2));
        }
        for (int step = 0; step < 5; step++) {
            adamw.step(a, g, sa);
            adamw.unfused().step(b, g, sb);
        }
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(b.value(i).dup().data().asDouble(), a.value(i).dup().data().asDouble(), 0.0);
        }
    }
}
