package org.optbench.tuning.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LegacyRandomStateTest {

    @Test
    void randomSampleMatchesNumPysPublishedFirstDraws() {
        // numpy.random.seed(0); numpy.random.rand() -> 0.5488135039273248 (and 0.3745401188473625 for seed 42),
        // the values every NumPy tutorial prints.
        assertEquals(0.5488135039273248, new LegacyRandomState(0).randomSample());
        assertEquals(0.3745401188473625, new LegacyRandomState(42).randomSample());
    }

    @Test
    void shuffleMatchesNumPysPublishedPermutations() {
        // numpy.random.seed(0); numpy.random.permutation(10) -> [2 8 4 9 1 6 7 3 0 5]; seed 42 -> [8 1 5 0 7 2 9 4 3 6].
        assertArrayEquals(new int[] {2, 8, 4, 9, 1, 6, 7, 3, 0, 5}, shuffledRange(0, 10));
        assertArrayEquals(new int[] {8, 1, 5, 0, 7, 2, 9, 4, 3, 6}, shuffledRange(42, 10));
    }

    @Test
    void randomIntervalMasksAndRejectsDrawsAboveTheBound() {
        // Given the same MT19937 stream, the bounded draw for max = 5 is the first (output & 7) that is <= 5.
        MersenneTwister mt = new MersenneTwister(2024);
        LegacyRandomState state = new LegacyRandomState(2024);
        for (int draw = 0; draw < 200; draw++) {
            long expected;
            do {
                expected = mt.nextUnsignedInt() & 7;
            } while (expected > 5);
            assertEquals(expected, state.randomInterval(5));
        }
        // max = 0 draws nothing: the stream is left where it was.
        LegacyRandomState zero = new LegacyRandomState(9);
        assertEquals(0, zero.randomInterval(0));
        assertEquals(new LegacyRandomState(9).randomSample(), zero.randomSample());
    }

    @Test
    void randomSampleTakes53BitsFromTwoOutputs() {
        MersenneTwister mt = new MersenneTwister(77);
        LegacyRandomState state = new LegacyRandomState(77);
        for (int draw = 0; draw < 100; draw++) {
            long a = mt.nextUnsignedInt() >>> 5;
            long b = mt.nextUnsignedInt() >>> 6;
            assertEquals(((a << 26) | b) * 0x1.0p-53, state.randomSample());
        }
    }

    private static int[] shuffledRange(long seed, int n) {
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        new LegacyRandomState(seed).shuffle(values);
        return values;
    }
}
