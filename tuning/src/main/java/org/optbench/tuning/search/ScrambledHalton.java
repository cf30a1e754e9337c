package org.optbench.tuning.search;

import java.util.ArrayList;
import java.util.List;

/**
 * AlgoPerf's scrambled, shifted Halton sequence ({@code algoperf/halton.py}, after Bousquet et al. 2017,
 * "Critical hyper-parameters: no random, no cry"), reproduced bit for bit.
 *
 * <p>Dimension j of a d-dimensional sequence uses base {@code b_j}: of the odd primes below 1000 in ascending
 * order, drop the largest (997) and take the d before it (d = 2: 983, 991). Each base has its own generator,
 * {@code LegacyRandomState(b)}, which first shuffles {@code [1, 2, ..., b-1]} and puts 0 in front, giving the digit
 * permutation {@code perm}, then draws one {@code shift}. Point i (i = 1, 2, ...) in that dimension is
 * <pre>
 *   x_i = fmod( sum_k perm[digit_k(i)] / b^(k+1) + shift, 1 )
 * </pre>
 * with digit_k the base-b digits of i, least significant first, summed in that order. AlgoPerf generates
 * {@code skip + n} points and drops the first {@code skip} = 100.
 */
public final class ScrambledHalton {
    /** AlgoPerf's default number of leading points dropped. */
    public static final int SKIP = 100;

    private ScrambledHalton() {
    }

    /**
     * The bases of a d-dimensional sequence: the d odd primes just below the largest odd prime under
     * {@code 1000 k}, ascending, with k the smallest of 1, 2, ... that has more than d odd primes.
     */
    public static int[] bases(int dimensions) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("dimensions must be positive, got " + dimensions);
        }
        List<Integer> primes = List.of();
        for (int k = 1; primes.size() < dimensions + 1; k++) {
            primes = oddPrimesBelow(1000 * k);
        }
        int[] bases = new int[dimensions];
        int first = primes.size() - dimensions - 1;
        for (int j = 0; j < dimensions; j++) {
            bases[j] = primes.get(first + j);
        }
        return bases;
    }

    /** The digit permutation of a base: 0 followed by {@code [1, ..., b-1]} shuffled by LegacyRandomState(b). */
    public static int[] permutation(int base) {
        return new ScrambledBase(base).permutation.clone();
    }

    /** The shift of a base: LegacyRandomState(b)'s first random_sample after the permutation's draws. */
    public static double shift(int base) {
        return new ScrambledBase(base).shift;
    }

    /**
     * Coordinate {@code index} (1-based, before any skip) of the base's scrambled, shifted van der Corput sequence:
     * {@code fmod(sum_k perm[digit_k(index)] / base^(k+1) + shift, 1)}.
     */
    public static double coordinate(int base, long index) {
        if (base < 2) {
            throw new IllegalArgumentException("base must be at least 2, got " + base);
        }
        return new ScrambledBase(base).point(index);
    }

    /**
     * Points {@code SKIP + 1 .. SKIP + count} of the d-dimensional sequence, in sequence order (unshuffled):
     * {@code result[p][j]} is coordinate j of point {@code SKIP + 1 + p}.
     */
    public static double[][] points(int count, int dimensions) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        int[] bases = bases(dimensions);
        double[][] points = new double[count][dimensions];
        for (int j = 0; j < dimensions; j++) {
            ScrambledBase dimension = new ScrambledBase(bases[j]);
            for (int p = 0; p < count; p++) {
                points[p][j] = dimension.point(SKIP + 1 + p);
            }
        }
        return points;
    }

    /** One base's permutation and shift, drawn in AlgoPerf's order from one generator. */
    private static final class ScrambledBase {
        final int base;
        final int[] permutation;
        final double shift;

        ScrambledBase(int base) {
            LegacyRandomState random = new LegacyRandomState(base);
            int[] tail = new int[base - 1];
            for (int k = 0; k < tail.length; k++) {
                tail[k] = k + 1;
            }
            random.shuffle(tail);
            this.base = base;
            this.permutation = new int[base];
            System.arraycopy(tail, 0, permutation, 1, tail.length);
            this.shift = random.randomSample();
        }

        double point(long index) {
            double x = 0.0;
            long denominator = base;
            for (long rest = index; rest != 0; rest /= base) {
                // Both operands are exact doubles, so this is Python's correctly rounded int / int.
                x += permutation[(int) (rest % base)] / (double) denominator;
                denominator *= base;
            }
            return (x + shift) % 1.0;
        }
    }

    private static List<Integer> oddPrimesBelow(int limit) {
        boolean[] composite = new boolean[limit];
        List<Integer> primes = new ArrayList<>();
        for (int n = 3; n < limit; n += 2) {
            if (!composite[n]) {
                primes.add(n);
                for (long m = (long) n * n; m < limit; m += 2L * n) {
                    composite[(int) m] = true;
                }
            }
        }
        return primes;
    }
}
