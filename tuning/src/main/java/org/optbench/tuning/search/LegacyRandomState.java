package org.optbench.tuning.search;

/**
 * The parts of NumPy's legacy {@code numpy.random.RandomState(seed)} (integer seed) that AlgoPerf's Halton search
 * uses, with NumPy's exact algorithms, so that the same seed gives the same numbers:
 * <ul>
 *   <li>{@link #randomInterval}: NumPy's {@code random_interval(max)}: mask = the smallest {@code 2^k - 1 >= max};
 *       draw 32-bit outputs AND mask until the value is {@code <= max} (rejection, no modulo bias);</li>
 *   <li>{@link #shuffle}: {@code RandomState.shuffle} of a 1-d sequence: Fisher-Yates from the end,
 *       {@code for i = n-1 .. 1: j = randomInterval(i); swap(i, j)};</li>
 *   <li>{@link #randomSample}: {@code random_sample()}: {@code ((a >>> 5) * 2^26 + (b >>> 6)) / 2^53} from two
 *       32-bit outputs a, b (53 random bits).</li>
 * </ul>
 * Checks: {@code RandomState(0).random_sample() = 0.5488135039273248},
 * {@code RandomState(0).permutation(10) = [2, 8, 4, 9, 1, 6, 7, 3, 0, 5]}.
 */
public final class LegacyRandomState {
    private final MersenneTwister mt;

    /** @param seed a seed in {@code [0, 2^32)}; MT19937 is seeded with {@code init_genrand(seed)} */
    public LegacyRandomState(long seed) {
        this.mt = new MersenneTwister(seed);
    }

    /** A uniform integer in {@code [0, max]} by masked rejection, for {@code 0 <= max < 2^32}. */
    public long randomInterval(long max) {
        if (max < 0 || max > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("max must be in [0, 2^32), got " + max);
        }
        if (max == 0) {
            return 0;
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long value;
        do {
            value = mt.nextUnsignedInt() & mask;
        } while (value > max);
        return value;
    }

    /** Shuffles {@code items} in place, as {@code RandomState.shuffle} does a 1-d array. */
    public void shuffle(int[] items) {
        for (int i = items.length - 1; i > 0; i--) {
            int j = (int) randomInterval(i);
            int t = items[i];
            items[i] = items[j];
            items[j] = t;
        }
    }

    /** A double in {@code [0, 1)} with 53 random bits, as {@code random_sample()}. */
    public double randomSample() {
        long a = mt.nextUnsignedInt() >>> 5;
        long b = mt.nextUnsignedInt() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }
}
