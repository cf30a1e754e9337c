#!/usr/bin/env python3
"""Independent reference values for optbench's tuning tests (Python 3 standard library only).

Written from the algorithms' definitions, not from the Java code:
  * MT19937: Matsumoto and Nishimura's reference C code mt19937ar.c (init_genrand, genrand_int32).
  * NumPy's legacy RandomState(seed) for an int seed: init_genrand(seed); random_sample() is
    ((a >> 5) * 67108864 + (b >> 6)) / 2**53 from two 32-bit outputs; shuffle() of a 1-d sequence is Fisher-Yates
    from the end with random_interval(i): mask = smallest 2**k - 1 >= i, draw genrand_int32() & mask until <= i.
  * AlgoPerf's scrambled, shifted Halton search (algoperf/halton.py), as described in optbench's ALGOPERF.md:
    bases = the d odd primes just below the largest odd prime below 1000*k; per dimension RandomState(base)
    shuffles [1 .. base-1] then draws the shift; point i = sum_k perm[digit_k(i)] / base**(k+1), fmod(x + shift, 1);
    points 1 .. 100 skipped.
  * optbench's final shuffle with the study seed: SplitMix64 (org.optbench.api.Rng: state += golden gamma, mix;
    nextInt(bound) takes the high 32 bits with rejection above the largest multiple of bound) driving Fisher-Yates
    from the end over the trial indices.
  * optbench's seed derivation: FNV-1a 64 over a tagged byte string, then the SplitMix64 finalizer, masked to 63 bits.

Run: python3 tuning/src/test/python/algoperf_halton_reference.py
Its printed numbers are embedded in the Java tests (QuasiRandomSearchTest, MersenneTwisterTest, SeedDerivationTest),
which name this script beside them. Doubles are printed with repr(), which round-trips exactly.
"""

import math
import struct

M64 = (1 << 64) - 1


class MT19937:
    """mt19937ar.c, transcribed."""
    N, M = 624, 397
    MATRIX_A, UPPER_MASK, LOWER_MASK = 0x9908B0DF, 0x80000000, 0x7FFFFFFF

    def __init__(self, s):
        self.mt = [0] * self.N
        self.mt[0] = s & 0xFFFFFFFF
        for i in range(1, self.N):
            self.mt[i] = (1812433253 * (self.mt[i - 1] ^ (self.mt[i - 1] >> 30)) + i) & 0xFFFFFFFF
        self.mti = self.N

    def genrand_int32(self):
        mag01 = (0, self.MATRIX_A)
        if self.mti >= self.N:
            mt = self.mt
            kk = 0
            while kk < self.N - self.M:
                y = (mt[kk] & self.UPPER_MASK) | (mt[kk + 1] & self.LOWER_MASK)
                mt[kk] = mt[kk + self.M] ^ (y >> 1) ^ mag01[y & 1]
                kk += 1
            while kk < self.N - 1:
                y = (mt[kk] & self.UPPER_MASK) | (mt[kk + 1] & self.LOWER_MASK)
                mt[kk] = mt[kk + (self.M - self.N)] ^ (y >> 1) ^ mag01[y & 1]
                kk += 1
            y = (mt[self.N - 1] & self.UPPER_MASK) | (mt[0] & self.LOWER_MASK)
            mt[self.N - 1] = mt[self.M - 1] ^ (y >> 1) ^ mag01[y & 1]
            self.mti = 0
        y = self.mt[self.mti]
        self.mti += 1
        y ^= (y >> 11)
        y ^= (y << 7) & 0x9D2C5680
        y ^= (y << 15) & 0xEFC60000
        y ^= (y >> 18)
        return y & 0xFFFFFFFF


class LegacyRandomState:
    """The parts of numpy.random.RandomState(int) that AlgoPerf's halton.py uses."""

    def __init__(self, seed):
        self.mt = MT19937(seed)

    def random_interval(self, max_value):
        if max_value == 0:
            return 0
        mask = max_value
        for shift in (1, 2, 4, 8, 16, 32):
            mask |= mask >> shift
        while True:
            value = self.mt.genrand_int32() & mask
            if value <= max_value:
                return value

    def shuffle(self, items):
        for i in reversed(range(1, len(items))):
            j = self.random_interval(i)
            items[i], items[j] = items[j], items[i]

    def random_sample(self):
        a = self.mt.genrand_int32() >> 5
        b = self.mt.genrand_int32() >> 6
        return (a * 67108864.0 + b) / 9007199254740992.0


def odd_primes_below(n):
    """Odd primes < n by trial division (deliberately not the sieve halton.py uses)."""
    return [p for p in range(3, n, 2) if all(p % q for q in range(3, int(p ** 0.5) + 1, 2))]


def halton_bases(d):
    k = 1
    primes = odd_primes_below(1000 * k)
    while len(primes) < d + 1:
        k += 1
        primes = odd_primes_below(1000 * k)
    return primes[len(primes) - d - 1:len(primes) - 1]


def dimension(base, count):
    rs = LegacyRandomState(base)
    perm = list(range(1, base))
    rs.shuffle(perm)
    perm = [0] + perm
    shift = rs.random_sample()
    out = []
    for i in range(1, count + 1):
        x, denom, rest = 0.0, base, i
        while rest:
            x += perm[rest % base] / denom
            denom *= base
            rest //= base
        out.append(math.fmod(x + shift, 1.0))
    return out


def halton_unit_points(n, d, skip=100):
    columns = [dimension(b, n + skip)[skip:] for b in halton_bases(d)]
    return [list(row) for row in zip(*columns)]


class SplitMix64:
    GAMMA = 0x9E3779B97F4A7C15

    def __init__(self, seed):
        self.state = seed & M64

    @staticmethod
    def mix(z):
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        return z ^ (z >> 31)

    def next_long(self):
        self.state = (self.state + self.GAMMA) & M64
        return self.mix(self.state)

    def next_int(self, bound):
        limit = (1 << 32) - ((1 << 32) % bound)
        while True:
            r = self.next_long() >> 32
            if r < limit:
                return r % bound

    def shuffle_indices(self, n):
        order = list(range(n))
        for i in range(n - 1, 0, -1):
            j = self.next_int(i + 1)
            order[i], order[j] = order[j], order[i]
        return order


def map_value(spec, u):
    kind = spec[0]
    if kind == 'log':
        return spec[1] * math.exp(u * math.log(spec[2] / spec[1]))
    if kind == 'linear':
        return u * (spec[2] - spec[1]) + spec[1]
    points = spec[1]
    return points[int(math.floor(u * len(points)))]


def draw(space, n, seed):
    """space: list of (name, spec) in key order. Returns the points in the study's order."""
    units = halton_unit_points(n, len(space))
    mapped = [{name: map_value(spec, u[j]) for j, (name, spec) in enumerate(space)} for u in units]
    order = SplitMix64(seed).shuffle_indices(n)
    return units, [mapped[k] for k in order], order


def fnv1a64(data):
    h = 0xCBF29CE484222325
    for byte in data:
        h ^= byte
        h = (h * 0x100000001B3) & M64
    return h


def derive_seed(experiment_seed, submission, workload, study, trial):
    data = (b'optbench/seed/v1\x00' + struct.pack('<q', experiment_seed)
            + submission.encode('utf-8') + b'\x00' + workload.encode('utf-8') + b'\x00'
            + struct.pack('<i', study) + struct.pack('<i', trial))
    return SplitMix64.mix(fnv1a64(data)) & 0x7FFFFFFFFFFFFFFF


TWO_D = [('learning_rate', ('log', 1e-4, 1e-2)), ('weight_decay', ('linear', 0.0, 0.5))]
MNIST_3D = [('learning_rate', ('log', 1e-4, 1e-2)), ('one_minus_beta_1', ('log', 0.9, 0.999)),
            ('epsilon', ('feasible', [1e-8, 1e-5, 1e-3]))]
NADAMW_7D = [('learning_rate', ('log', 1e-4, 1e-2)), ('one_minus_beta1', ('log', 4e-3, 0.1)),
             ('beta2', ('feasible', [0.999])), ('warmup_factor', ('feasible', [0.05])),
             ('weight_decay', ('log', 5e-3, 1.0)), ('label_smoothing', ('feasible', [0.1, 0.2])),
             ('dropout_rate', ('feasible', [0.0, 0.1]))]


def main():
    mt = MT19937(5489)
    outs = [mt.genrand_int32() for _ in range(10000)]
    print('MT19937 init_genrand(5489): first', outs[0], 'second', outs[1], '1000th', outs[999],
          '10000th', outs[9999])
    for seed in (0, 42):
        print('RandomState(%d).random_sample() = %r' % (seed, LegacyRandomState(seed).random_sample()))
        rs = LegacyRandomState(seed)
        p = list(range(10))
        rs.shuffle(p)
        print('RandomState(%d).permutation(10) = %r' % (seed, p))
    for base in (3, 5, 7):
        mt = MT19937(base)
        print('init_genrand(%d) first six outputs' % base, [mt.genrand_int32() for _ in range(6)])
        rs = LegacyRandomState(base)
        perm = list(range(1, base))
        rs.shuffle(perm)
        print('  base %d permutation [0]+%r shift %r' % (base, perm, rs.random_sample()))
    for d in (2, 3, 7):
        print('bases for d=%d: %r' % (d, halton_bases(d)))
    print('bases for d=167 (first three, last three):', halton_bases(167)[:3], halton_bases(167)[-3:])
    for label, space, n, seed in (('2-d', TWO_D, 5, 7), ('3-d mnist', MNIST_3D, 5, 7),
                                  ('7-d nadamw', NADAMW_7D, 5, 7)):
        units, points, order = draw(space, n, seed)
        print('== %s, n=%d, seed=%d' % (label, n, seed))
        print('unit points (Halton order, points 101..%d):' % (100 + n))
        for u in units:
            print('  ' + ', '.join(repr(x) for x in u))
        print('shuffle order', order)
        print('points (study order):')
        for p in points:
            print('  ' + ', '.join('%s=%r' % kv for kv in p.items()))
    print('SplitMix64(0) first outputs', [hex(x) for x in (lambda s: [s.next_long() for _ in range(3)])(SplitMix64(0))])
    for args in ((42, 'adamw', 'mnist_mlp', 0, 0), (42, 'adamw', 'mnist_mlp', 0, 1), (42, 'adamw', 'mnist_mlp', 2, 5),
                 (42, 'adamw', 'cifar_cnn', 0, 1), (-7, 'nadamw', 'wmt', 1, 3)):
        print('derive_seed%r = %d' % (args, derive_seed(*args)))
    print('fnv1a64: "" %s, "a" %s, "foobar" %s' % (hex(fnv1a64(b'')), hex(fnv1a64(b'a')), hex(fnv1a64(b'foobar'))))
    # An external study end to end: experiment seed 42, submission adamw, workload mnist_mlp, study 1, 5 trials of
    # the NAdamW space; the study's shuffle seed is derive_seed(42, 'adamw', 'mnist_mlp', 1, 0).
    study_seed = derive_seed(42, 'adamw', 'mnist_mlp', 1, 0)
    _, points, order = draw(NADAMW_7D, 5, study_seed)
    print('== plan: study seed', study_seed, 'order', order)
    for k, p in enumerate(points, start=1):
        print('  trial %d seed %d learning_rate=%r weight_decay=%r' % (
            k, derive_seed(42, 'adamw', 'mnist_mlp', 1, k), p['learning_rate'], p['weight_decay']))


if __name__ == '__main__':
    main()
