package org.optbench.tuning.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MersenneTwisterTest {

    @Test
    void seededWith5489GivesThePublishedOutputs() {
        MersenneTwister mt = new MersenneTwister(5489);
        long[] outputs = new long[10000];
        for (int i = 0; i < outputs.length; i++) {
            outputs[i] = mt.nextUnsignedInt();
        }
        // mt19937ar.c's default seed; its first output is the published 3499211612.
        assertEquals(3499211612L, outputs[0]);
        // The C++ standard ([rand.predef]) requires the 10000th output of a default std::mt19937 (seed 5489)
        // to be 4123659995; this also crosses 16 regenerations of the 624-word state.
        assertEquals(4123659995L, outputs[9999]);
        // From tuning/src/test/python/algoperf_halton_reference.py (a transcription of mt19937ar.c).
        assertEquals(581869302L, outputs[1]);
        assertEquals(1341017984L, outputs[999]);
    }

    @Test
    void smallSeedsMatchTheReferenceTranscription() {
        // Printed by tuning/src/test/python/algoperf_halton_reference.py: init_genrand(3) and init_genrand(7).
        assertArrayEquals(new long[] {2365658986L, 303761048L, 3041471737L, 3607553667L, 1249426360L, 521102280L},
                firstSix(new MersenneTwister(3)));
        assertArrayEquals(new long[] {327741615L, 976413892L, 3349725721L, 1369975286L, 1882953283L, 4201435347L},
                firstSix(new MersenneTwister(7)));
    }

    @Test
    void seedsOutside32BitsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new MersenneTwister(-1));
        assertThrows(IllegalArgumentException.class, () -> new MersenneTwister(1L << 32));
    }

    private static long[] firstSix(MersenneTwister mt) {
        long[] out = new long[6];
        for (int i = 0; i < 6; i++) {
            out[i] = mt.nextUnsignedInt();
        }
        return out;
    }
}
