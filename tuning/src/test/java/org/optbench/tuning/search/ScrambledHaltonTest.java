package org.optbench.tuning.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Expected values come from the algorithm's definition: by hand below, or printed by the standard-library script
 * tuning/src/test/python/algoperf_halton_reference.py (its own MT19937 from mt19937ar.c and NumPy's documented
 * legacy algorithms), never from this implementation.
 */
class ScrambledHaltonTest {

    @Test
    void basesAreTheOddPrimesJustBelowTheLargestUnderAThousand() {
        assertArrayEquals(new int[] {983, 991}, ScrambledHalton.bases(2));
        assertArrayEquals(new int[] {977, 983, 991}, ScrambledHalton.bases(3));
        assertArrayEquals(new int[] {947, 953, 967, 971, 977, 983, 991}, ScrambledHalton.bases(7));
        // There are 167 odd primes below 1000, so 167 dimensions need the primes below 2000 (AlgoPerf's retry).
        int[] many = ScrambledHalton.bases(167);
        assertArrayEquals(new int[] {769, 773, 787}, Arrays.copyOf(many, 3));
        assertArrayEquals(new int[] {1987, 1993, 1997}, Arrays.copyOfRange(many, 164, 167));
    }

    @Test
    void baseThreeByHand() {
        // init_genrand(3) gives 2365658986, 303761048, 3041471737, ... (mt19937ar.c; see MersenneTwisterTest).
        // Shuffle [1, 2]: i = 1, mask 1, 2365658986 & 1 = 0 <= 1, so j = 0: swap -> [2, 1]; with 0 in front:
        assertArrayEquals(new int[] {0, 2, 1}, ScrambledHalton.permutation(3));
        // The shift is the next random_sample: ((303761048 >>> 5) * 2^26 + (3041471737 >>> 6)) / 2^53.
        double shift = ((303761048L >>> 5) * 67108864.0 + (3041471737L >>> 6)) / 9007199254740992.0;
        assertEquals(shift, ScrambledHalton.shift(3));
        assertEquals(0.07072488001099086, shift);
        // Point 101 = 1*81 + 0*27 + 2*9 + 0*3 + 2: digits least significant first 2, 0, 2, 0, 1,
        // permuted to 1, 0, 1, 0, 2, so x = 1/3 + 0/9 + 1/27 + 0/81 + 2/243 (= 92/243) plus the shift, mod 1.
        double x = 1.0 / 3 + 0.0 / 9 + 1.0 / 27 + 0.0 / 81 + 2.0 / 243;
        assertEquals((x + shift) % 1.0, ScrambledHalton.coordinate(3, 101));
        assertEquals(92.0 / 243 + shift, ScrambledHalton.coordinate(3, 101), 1e-15);
        // Point 2 (digit 2 -> perm 1): 1/3 + shift. Point 3 = "10": perm[0]/3 + perm[1]/9 = 2/9.
        assertEquals(1.0 / 3 + shift, ScrambledHalton.coordinate(3, 2));
        assertEquals(0.0 / 3 + 2.0 / 9 + shift, ScrambledHalton.coordinate(3, 3));
    }

    @Test
    void smallBasePermutationsMatchTheReferenceScript() {
        // Base 7 by hand for its first draws (init_genrand(7): 327741615, 976413892, 3349725721, 1369975286, ...):
        // i=5, mask 7: 327741615 & 7 = 7 > 5 rejected; 976413892 & 7 = 4: swap 5,4 -> [1,2,3,4,6,5];
        // i=4: 3349725721 & 7 = 1: swap 4,1 -> [1,6,3,4,2,5]; i=3, mask 3: 1369975286 & 3 = 2: -> [1,6,4,3,2,5];
        // the script finishes the shuffle: [4, 6, 1, 3, 2, 5].
        assertArrayEquals(new int[] {0, 4, 6, 1, 3, 2, 5}, ScrambledHalton.permutation(7));
        assertEquals(0.5384958704104337, ScrambledHalton.shift(7));
        // Base 5 happens to shuffle to the identity.
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, ScrambledHalton.permutation(5));
        assertEquals(0.8313278347754415, ScrambledHalton.shift(5));
    }

    @Test
    void twoDimensionalPointsMatchTheReferenceScriptBitForBit() {
        // algoperf_halton_reference.py, "2-d, n=5": points 101..105 of bases 983 and 991.
        double[][] expected = {
            {0.2739744372653363, 0.28612427728381884},
            {0.9911667058309517, 0.8300193327833143},
            {0.23023079535282354, 0.36079632571974196},
            {0.3757038370618775, 0.47482256184486826},
            {0.47539864886248795, 0.87441892915062},
        };
        assertPointsEqual(expected, ScrambledHalton.points(5, 2));
    }

    @Test
    void sevenDimensionalPointsMatchTheReferenceScriptBitForBit() {
        // algoperf_halton_reference.py, "7-d nadamw, n=5": bases 947 .. 991.
        double[][] expected = {
            {0.648493533117636, 0.7565722923221863, 0.3641415259118679, 0.6914475933545885, 0.13714606964468423,
                0.2739744372653363, 0.28612427728381884},
            {0.18703629974910374, 0.20253241824033963, 0.44273511432965496, 0.9221376036532496,
                0.8065421801871611, 0.9911667058309517, 0.8300193327833143},
            {0.4900986017554397, 0.80169296388567, 0.505816810296563, 0.3505619084936204, 0.2569004196958611,
                0.23023079535282354, 0.36079632571974196},
            {0.0011862469507932794, 0.11019243922669841, 0.9618664483524055, 0.5029820938695215,
                0.1750171034215522, 0.3757038370618775, 0.47482256184486826},
            {0.14796555001309541, 0.7187968463620604, 0.705403159831206, 0.33820351508476354,
                0.16989939615440774, 0.47539864886248795, 0.87441892915062},
        };
        assertPointsEqual(expected, ScrambledHalton.points(5, 7));
    }

    @Test
    void everyCoordinateIsInTheUnitInterval() {
        for (double[] point : ScrambledHalton.points(300, 4)) {
            for (double u : point) {
                assertEquals(true, u >= 0 && u < 1, "coordinate " + u);
            }
        }
    }

    private static void assertPointsEqual(double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length);
        for (int p = 0; p < expected.length; p++) {
            assertArrayEquals(expected[p], actual[p], 0.0, "point " + (101 + p));
        }
    }
}
