package org.optbench.api;

/**
 * A deterministic random number generator that splits: {@code rng.split(k)} gives an independent generator that
 * depends only on this generator's seed and {@code k}, not on how many numbers were drawn. The harness hands each
 * step its own {@code split(step)}, so a trial replays exactly from its seed.
 *
 * <p>SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014). Not for
 * cryptography. Not thread-safe: split one per thread.
 */
public final class Rng {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final long seed;
    private long state;
    private double spareGaussian = Double.NaN;

    private Rng(long seed) {
        this.seed = seed;
        this.state = seed;
    }

    /** A generator seeded with {@code seed}. */
    public static Rng of(long seed) {
        return new Rng(seed);
    }

    /** The seed this generator started from. */
    public long seed() {
        return seed;
    }

    /** An independent generator determined by this one's seed and {@code key} alone. */
    public Rng split(long key) {
        return new Rng(mix(seed ^ mix(key * GOLDEN_GAMMA + 0x632BE59BD9B4E019L)));
    }

    /** The next 64 random bits. */
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** A uniform int in {@code [0, bound)}, without modulo bias. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long limit = (1L << 32) - ((1L << 32) % bound);
        while (true) {
            long r = nextLong() >>> 32;
            if (r < limit) {
                return (int) (r % bound);
            }
        }
    }

    /** A uniform double in {@code [0, 1)} with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** A standard normal draw (Marsaglia's polar method). */
    public double nextGaussian() {
        if (!Double.isNaN(spareGaussian)) {
            double g = spareGaussian;
            spareGaussian = Double.NaN;
            return g;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double factor = Math.sqrt(-2 * Math.log(s) / s);
        spareGaussian = v * factor;
        return u * factor;
    }

    /** Shuffles {@code values} in place (Fisher-Yates). */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
