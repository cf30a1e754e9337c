package org.optbench.tuning.search;

/**
 * MT19937, the 32-bit Mersenne Twister (Matsumoto and Nishimura, ACM TOMACS 1998), exactly as the reference C code
 * {@code mt19937ar.c}: {@code init_genrand(seed)} and {@code genrand_int32()}. NumPy's legacy
 * {@code RandomState(seed)} with an integer seed is this generator, which is why AlgoPerf's Halton scrambling can be
 * reproduced bit for bit. Seeded with 5489, its first output is 3499211612 and its 10000th is 4123659995.
 *
 * <p>Not for cryptography. Not thread-safe.
 */
public final class MersenneTwister {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908B0DF;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7FFFFFFF;

    private final int[] mt = new int[N];
    private int mti;

    /**
     * {@code init_genrand(seed)}.
     *
     * @param seed a seed in {@code [0, 2^32)}, as NumPy's legacy seeding requires
     */
    public MersenneTwister(long seed) {
        if (seed < 0 || seed > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("MT19937 seed must be in [0, 2^32), got " + seed);
        }
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            // 32-bit wrap-around of the reference code's unsigned long arithmetic.
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        mti = N;
    }

    /** {@code genrand_int32()}: the next output, an unsigned 32-bit value in {@code [0, 2^32)}. */
    public long nextUnsignedInt() {
        if (mti >= N) {
            regenerate();
        }
        int y = mt[mti++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9D2C5680;
        y ^= (y << 15) & 0xEFC60000;
        y ^= y >>> 18;
        return y & 0xFFFFFFFFL;
    }

    private void regenerate() {
        int kk = 0;
        for (; kk < N - M; kk++) {
            int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) * MATRIX_A);
        }
        for (; kk < N - 1; kk++) {
            int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) * MATRIX_A);
        }
        int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) * MATRIX_A);
        mti = 0;
    }
}
