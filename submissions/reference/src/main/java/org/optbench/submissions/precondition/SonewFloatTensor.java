package org.optbench.submissions.precondition;

import java.nio.FloatBuffer;

/**
 * One float32 tensor's tridiagonal SONew step ({@link ScaleBySonew} with b = 1; same equations), with its state
 * (m, ν_d, ν_e) in heap arrays and float arithmetic in plain array loops the JIT vectorizes.
 *
 * <p>No transpose. The chain of the column-major flattening links {@code g[i,j]} with {@code g[i+1,j]}, which in C
 * order is entry {@code k} with {@code k + s} ({@code s} = columns), and at a column's end {@code g[last,j]} with
 * {@code g[0,j+1]}, i.e. {@code k} with {@code k − (n − s) + 1}. The state is therefore kept in C order, ν_e[k]
 * being the edge from entry k to its chain successor (entry n−1 has none: n−1 entries). Tensors of rank ≥ 3 are
 * permuted into column-major order on the way in and out ({@code s} = 1 then). Rank ≤ 1 tensors keep m, ν_d and
 * output the Adam direction.
 *
 * <p>Three sweeps per step: (1) edges, moments, ‖a‖² and the damping bound; (2) ψ, D, {@code z = D Lᵀ m̂} and
 * {@code u = L z} with ‖u‖²; (3) the grafted output. Sweeps 1 and 2 go chunk by chunk: the chunk's entries, and
 * its entries' chain successors or predecessors, are copied into {@value #CHUNK}-float buffers, so that every
 * loop reads and writes its arrays at one index (C2 in JDK 17 vectorizes only such loops, and only short bodies),
 * and reductions go to per-lane accumulators summed at the end (float partial sums per lane, added in double).
 * Sweep 2 first runs without the edge removal; where some conditional variance is not positive it is redone
 * entry by entry with it.
 */
final class SonewFloatTensor {
    private static final int CHUNK = 1024;
    private static final float MIN_DAMPING = 1e-24f;
    private static final double GRAFT_NORM_FLOOR = 1e-12;

    private final int n;
    private final int stride;
    private final int[] order;
    private final boolean chain;
    private final float[] momentum;
    private final float[] diagonal;
    private final float[] band;

    /** The state of a tensor of this shape, zeros. */
    SonewFloatTensor(long[] shape) {
        ColumnMajor flat = new ColumnMajor(shape);
        this.n = flat.length();
        this.chain = shape.length >= 2 && n > 1;
        this.stride = shape.length == 2 ? (int) shape[1] : 1;
        this.order = shape.length >= 3 && n > 1 ? flat.cOffsets() : null;
        this.momentum = new float[n];
        this.diagonal = new float[n];
        this.band = chain ? new float[n - 1] : null;
    }

    /** The number of entries. */
    int length() {
        return n;
    }

    /** The floats of state: 3n − 1 on a chain, 2n otherwise. */
    long stateFloats() {
        return 2L * n + (band == null ? 0 : band.length);
    }

    /**
     * Replaces the gradient at {@code data[offset …]} by this step's output.
     *
     * @param work, z, psi scratch of at least n floats each; scratch the chunk buffers
     */
    void step(FloatBuffer data, int offset, Coefficients c, float[] work, float[] z, float[] psi,
            Scratch scratch) {
        float[] g = work;
        if (order == null) {
            data.get(offset, g, 0, n);
        } else {
            data.get(offset, psi, 0, n);
            for (int k = 0; k < n; k++) {
                g[k] = psi[order[k]];
            }
        }
        if (!chain) {
            adamDirection(g, c);
        } else {
            tridiagonal(g, c, z, psi, scratch);
        }
        if (order == null) {
            data.put(offset, g, 0, n);
        } else {
            for (int k = 0; k < n; k++) {
                psi[order[k]] = g[k];
            }
            data.put(offset, psi, 0, n);
        }
    }

    private void adamDirection(float[] g, Coefficients c) {
        float[] m = momentum;
        float[] d = diagonal;
        float b1 = c.beta1;
        float omb1 = c.oneMinusBeta1;
        float b2 = c.beta2;
        float omb2 = c.oneMinusBeta2;
        float invBc1 = c.invFirstCorrection;
        float invBc2 = c.invSecondCorrection;
        float epsG = c.graftEpsilon;
        for (int k = 0; k < n; k++) {
            float gk = g[k];
            float mk = b1 * m[k] + omb1 * gk;
            float dk = b2 * d[k] + omb2 * gk * gk;
            m[k] = mk;
            d[k] = dk;
            g[k] = mk * invBc1 / ((float) Math.sqrt(dk * invBc2) + epsG);
        }
    }

    private void tridiagonal(float[] g, Coefficients c, float[] z, float[] psi, Scratch w) {
        float[] m = momentum;
        float[] d = diagonal;
        float[] e = band;
        int s = stride;
        int inner = n - s;
        float b1 = c.beta1;
        float omb1 = c.oneMinusBeta1;
        float b2 = c.beta2;
        float omb2 = c.oneMinusBeta2;
        float invBc1 = c.invFirstCorrection;
        float invBc2 = c.invSecondCorrection;
        float epsG = c.graftEpsilon;
        float[] gc = w.gradient;
        float[] gn = w.gradientNext;
        float[] mc = w.momentum;
        float[] mn = w.momentumNext;
        float[] dc = w.diagonal;
        float[] dn = w.diagonalNext;
        float[] ec = w.edge;
        float[] sum = w.sum;
        float[] extreme = w.extreme;
        java.util.Arrays.fill(sum, 0f);
        java.util.Arrays.fill(extreme, 0f);

        // Sweep 1: edges, moments, ‖a‖² (a = m/(√ν̂_d + ε_g); ×invBc1 later) and tds's row bound on the raw moments
        // over the inner edges j, ν_d[next(j)] + |ν_e[j]| (ν_d[next] recomputed from its old value: same rounding)
        for (int base = 0; base < n; base += CHUNK) {
            int len = Math.min(CHUNK, n - base);
            int edges = Math.min(len, n - 1 - base);
            System.arraycopy(g, base, gc, 0, len);
            copyNext(g, base, len, gn);
            System.arraycopy(m, base, mc, 0, len);
            System.arraycopy(d, base, dc, 0, len);
            copyNext(d, base, len, dn);
            System.arraycopy(e, base, ec, 0, edges);
            for (int i = edges; i < len; i++) {
                ec[i] = 0f;
            }
            for (int i = 0; i < len; i++) {
                ec[i] = b2 * ec[i] + omb2 * gc[i] * gn[i];
            }
            for (int i = 0; i < len; i++) {
                float mi = b1 * mc[i] + omb1 * gc[i];
                float di = b2 * dc[i] + omb2 * gc[i] * gc[i];
                mc[i] = mi;
                dc[i] = di;
                float a = mi / ((float) Math.sqrt(di * invBc2) + epsG);
                sum[i] += a * a;
            }
            int innerHere = Math.max(0, Math.min(len, inner - base));
            for (int i = 0; i < innerHere; i++) {
                float next = b2 * dn[i] + omb2 * gn[i] * gn[i];
                extreme[i] = Math.max(extreme[i], next + Math.abs(ec[i]));
            }
            System.arraycopy(mc, 0, m, base, len);
            System.arraycopy(dc, 0, d, base, len);
            System.arraycopy(ec, 0, e, base, edges);
        }
        double adamSquares = 0;
        float bound = d[0] + Math.abs(e[0]);
        for (int i = 0; i < CHUNK; i++) {
            adamSquares += sum[i];
            bound = Math.max(bound, extreme[i]);
        }
        for (int j = inner; j < n - 1; j++) {
            bound = Math.max(bound, d[j - inner + 1] + Math.abs(e[j]));
        }
        float damping = Math.max(c.epsilon * (bound * invBc2), MIN_DAMPING);

        // Sweep 2, without the edge removal: ψ = ê/h_next, c = h − ê ψ, z = (m̂ − ψ m̂_next)/c, u_k = z_k − (ψz)_prev;
        // (ψz) is kept in psi. Entries k < s, whose predecessor is at the tensor's end, are finished afterwards.
        float[] pz = psi;
        float[] zc = w.z;
        float[] pc = w.psi;
        float[] cc = w.variance;
        float[] prev = w.previous;
        java.util.Arrays.fill(sum, 0f);
        java.util.Arrays.fill(extreme, Float.MAX_VALUE);
        for (int base = 0; base < n; base += CHUNK) {
            int len = Math.min(CHUNK, n - base);
            int edges = Math.min(len, n - 1 - base);
            System.arraycopy(m, base, mc, 0, len);
            copyNext(m, base, len, mn);
            System.arraycopy(d, base, dc, 0, len);
            copyNext(d, base, len, dn);
            System.arraycopy(e, base, ec, 0, edges);
            for (int i = edges; i < len; i++) {
                ec[i] = 0f;
            }
            for (int i = 0; i < len; i++) {
                pc[i] = ec[i] * invBc2 / (dn[i] * invBc2 + damping);
            }
            for (int i = 0; i < len; i++) {
                float ci = dc[i] * invBc2 + damping - ec[i] * invBc2 * pc[i];
                cc[i] = ci;
                extreme[i] = Math.min(extreme[i], ci);
            }
            for (int i = 0; i < len; i++) {
                float zi = (mc[i] - pc[i] * mn[i]) * invBc1 / cc[i];
                zc[i] = zi;
                pc[i] = pc[i] * zi;
            }
            System.arraycopy(pc, 0, pz, base, len);
            int head = Math.max(0, Math.min(len, s - base));
            for (int i = 0; i < head; i++) {
                prev[i] = 0f;
            }
            if (len > head) {
                System.arraycopy(pz, base + head - s, prev, head, len - head);
            }
            for (int i = 0; i < len; i++) {
                float u = zc[i] - prev[i];
                gc[i] = u;
                sum[i] += u * u;
            }
            System.arraycopy(gc, 0, g, base, len);
        }
        float smallest = Float.MAX_VALUE;
        double directionSquares = 0;
        for (int i = 0; i < CHUNK; i++) {
            smallest = Math.min(smallest, extreme[i]);
            directionSquares += sum[i];
        }
        if (smallest > 0) {
            for (int k = 1; k < Math.min(s, n); k++) {
                float provisional = g[k];
                float u = provisional - pz[inner + k - 1];
                g[k] = u;
                directionSquares += (double) u * u - (double) provisional * provisional;
            }
        } else {
            directionSquares = withEdgeRemoval(g, c, damping, z, psi);
        }

        // Sweep 3, graft: u·‖a‖/(‖u‖ + 1e−12), ‖a‖ = invBc1·√(adamSquares)
        float graft = (float) (invBc1 * Math.sqrt(adamSquares) / (Math.sqrt(directionSquares) + GRAFT_NORM_FLOOR));
        for (int k = 0; k < n; k++) {
            g[k] *= graft;
        }
    }

    /** {@code target[i] = source[next(base + i)]} for i &lt; len (0 for the last entry, which has no successor). */
    private void copyNext(float[] source, int base, int len, float[] target) {
        int inner = n - stride;
        int end = base + len;
        int innerEnd = Math.min(end, inner);
        if (innerEnd > base) {
            System.arraycopy(source, base + stride, target, 0, innerEnd - base);
        }
        int from = Math.max(base, inner);
        int to = Math.min(end, n - 1);
        if (to > from) {
            System.arraycopy(source, from - inner + 1, target, from - base, to - from);
        }
        if (end == n) {
            target[n - 1 - base] = 0f;
        }
    }

    /**
     * Sweep 2 with the edge removal ({@code OPTIMIZERS.md} 5a), entry by entry, for steps where some conditional
     * variance is not positive: u into g; returns ‖u‖².
     */
    private double withEdgeRemoval(float[] g, Coefficients c, float damping, float[] z, float[] psi) {
        int s = stride;
        int inner = n - s;
        for (int k = 0; k < inner; k++) {
            conditional(k, k + s, damping, c, z, psi);
        }
        for (int k = inner; k < n - 1; k++) {
            conditional(k, k - inner + 1, damping, c, z, psi);
        }
        psi[n - 1] = 0f;
        z[n - 1] = momentum[n - 1] * c.invFirstCorrection / (diagonal[n - 1] * c.invSecondCorrection + damping);
        double squares = 0;
        for (int k = 0; k < n; k++) {
            int previous = k == 0 ? -1 : k < s ? inner + k - 1 : k - s;
            float u = previous < 0 ? z[k] : z[k] - psi[previous] * z[previous];
            g[k] = u;
            squares += u * u;
        }
        return squares;
    }

    /** ψ_k, z_k with the edge removal, for entry k and its chain successor {@code next}. */
    private void conditional(int k, int next, float damping, Coefficients c, float[] z, float[] psi) {
        float invBc2 = c.invSecondCorrection;
        float hk = diagonal[k] * invBc2 + damping;
        float hNext = diagonal[next] * invBc2 + damping;
        float ek = band[k] * invBc2;
        float p = ek / hNext;
        float ck = hk - ek * p;
        if (!(ck > 0)) {
            p = 0f;
            ck = hk;
        }
        psi[k] = p;
        z[k] = (momentum[k] - p * momentum[next]) * c.invFirstCorrection / ck;
    }

    /** Chunk buffers and reduction lanes, shared by the tensors of one state. */
    static final class Scratch {
        final float[] gradient = new float[CHUNK];
        final float[] gradientNext = new float[CHUNK];
        final float[] momentum = new float[CHUNK];
        final float[] momentumNext = new float[CHUNK];
        final float[] diagonal = new float[CHUNK];
        final float[] diagonalNext = new float[CHUNK];
        final float[] edge = new float[CHUNK];
        final float[] z = new float[CHUNK];
        final float[] psi = new float[CHUNK];
        final float[] variance = new float[CHUNK];
        final float[] previous = new float[CHUNK];
        final float[] sum = new float[CHUNK];
        final float[] extreme = new float[CHUNK];
    }

    /** The step's constants in float. */
    static final class Coefficients {
        float beta1;
        float oneMinusBeta1;
        float beta2;
        float oneMinusBeta2;
        float invFirstCorrection;
        float invSecondCorrection;
        float epsilon;
        float graftEpsilon;

        void set(double beta1, double beta2, double epsilon, double graftEpsilon, long count) {
            this.beta1 = (float) beta1;
            this.oneMinusBeta1 = (float) (1 - beta1);
            this.beta2 = (float) beta2;
            this.oneMinusBeta2 = (float) (1 - beta2);
            this.invFirstCorrection = (float) (1 / (1 - Math.pow(beta1, count)));
            this.invSecondCorrection = (float) (1 / (1 - Math.pow(beta2, count)));
            this.epsilon = (float) epsilon;
            this.graftEpsilon = (float) graftEpsilon;
        }
    }
}
