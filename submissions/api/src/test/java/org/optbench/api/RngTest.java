package org.optbench.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RngTest {

    @Test
    void firstOutputsMatchSplitMix64ReferenceValues() {
        // Reference: SplitMix64 seeded with 0 gives 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F
        // (the published test vector of Vigna's splitmix64.c).
        Rng rng = Rng.of(0);
        assertEquals(0xE220A8397B1DCDAFL, rng.nextLong());
        assertEquals(0x6E789E6AA1B965F4L, rng.nextLong());
        assertEquals(0x06C45D188009454FL, rng.nextLong());
    }

    @Test
    void splitDependsOnSeedAndKeyOnly() {
        Rng a = Rng.of(42);
        Rng b = Rng.of(42);
        for (int i = 0; i < 10; i++) {
            b.nextLong(); // drawing from the parent does not change its children
        }
        assertEquals(a.split(7).nextLong(), b.split(7).nextLong());
        assertNotEquals(a.split(7).nextLong(), a.split(8).nextLong());
    }

    @Test
    void uniformAndGaussianMomentsAreRight() {
        Rng rng = Rng.of(1);
        int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        double gSum = 0;
        double gSq = 0;
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            assertTrue(u >= 0 && u < 1);
            sum += u;
            sumSq += u * u;
            double g = rng.nextGaussian();
            gSum += g;
            gSq += g * g;
        }
        assertEquals(0.5, sum / n, 0.005);
        assertEquals(1.0 / 12, sumSq / n - Math.pow(sum / n, 2), 0.002);
        assertEquals(0.0, gSum / n, 0.01);
        assertEquals(1.0, gSq / n, 0.01);
    }
}
