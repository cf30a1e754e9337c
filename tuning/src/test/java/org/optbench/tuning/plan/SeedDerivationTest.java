package org.optbench.tuning.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedDerivationTest {

    @Test
    void fnv1aMatchesItsPublishedTestVectors() {
        // Fowler/Noll/Vo's test vectors for 64-bit FNV-1a.
        assertEquals(0xcbf29ce484222325L, SeedDerivation.fnv1a64(new byte[0]));
        assertEquals(0xaf63dc4c8601ec8cL, SeedDerivation.fnv1a64("a".getBytes(StandardCharsets.UTF_8)));
        assertEquals(0x85944171f73967e8L, SeedDerivation.fnv1a64("foobar".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void finalizerIsSplitMix64s() {
        // SplitMix64 seeded with 0: its first output mixes the golden gamma into 0xe220a8397b1dcdaf (published).
        assertEquals(0xe220a8397b1dcdafL, SeedDerivation.splitMix64Finalizer(0x9E3779B97F4A7C15L));
    }

    @Test
    void seedsMatchTheReferenceScript() {
        // tuning/src/test/python/algoperf_halton_reference.py, derive_seed(...).
        assertEquals(2358440049809046819L, SeedDerivation.studySeed(42, "adamw", "mnist_mlp", 0));
        assertEquals(5063633553704655533L, SeedDerivation.trialSeed(42, "adamw", "mnist_mlp", 0, 1));
        assertEquals(3048832752809869772L, SeedDerivation.trialSeed(42, "adamw", "mnist_mlp", 2, 5));
        assertEquals(570475715515247107L, SeedDerivation.trialSeed(42, "adamw", "cifar_cnn", 0, 1));
        assertEquals(212470410503638302L, SeedDerivation.trialSeed(-7, "nadamw", "wmt", 1, 3));
    }

    @Test
    void everyInputChangesTheSeedAndSeedsAreNonNegative() {
        Set<Long> seeds = new HashSet<>();
        int count = 0;
        for (long experiment : new long[] {0, 1, -1}) {
            for (String submission : new String[] {"adamw", "nadamw", "adam"}) {
                for (String workload : new String[] {"mnist_mlp", "mnist_mlp_tanh"}) {
                    for (int study = 0; study < 3; study++) {
                        for (int trial = 0; trial < 6; trial++) {
                            long seed = SeedDerivation.derive(experiment, submission, workload, study, trial);
                            assertTrue(seed >= 0);
                            seeds.add(seed);
                            count++;
                        }
                    }
                }
            }
        }
        assertEquals(count, seeds.size());
        // The separators keep ("ab", "c") and ("a", "bc") apart.
        assertTrue(SeedDerivation.derive(1, "ab", "c", 0, 1) != SeedDerivation.derive(1, "a", "bc", 0, 1));
    }
}
