package org.optbench.submissions.transform;

import java.lang.ref.WeakReference;
import java.nio.Buffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.optbench.api.Params;

/**
 * Elementwise loops over the data buffers of contiguous tensors, in FLOAT or DOUBLE, allocating nothing. Element
 * {@code i} of a contiguous tensor {@code a} sits at {@code a.offset() + i} of its NIO buffer.
 *
 * <p>Float tensors are walked in chunks of {@link #CHUNK} elements copied into this thread's {@link #scratch()}
 * arrays: plain array loops vectorize, and the cached NIO views ({@link #floats}) are only used for bulk copies.
 * Double tensors (the test and reference precision) are walked element by element in fresh NIO views.
 * Arithmetic is done in the tensor's type, as PyTorch does (sums of squares accumulate in double). Float loops
 * must stay in float arithmetic: a float-double-float round trip per element stops the JIT from vectorizing and
 * made them ten times slower.
 */
public final class Elements {
    /** The length of one chunk of a float loop. */
    public static final int CHUNK = 1024;

    private static final ThreadLocal<NioViews> NIO_VIEWS = ThreadLocal.withInitial(NioViews::new);
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[4][CHUNK]);

    private Elements() {
    }

    /** Whether the tensor holds doubles (otherwise floats; other types are rejected). */
    public static boolean isDouble(INDArray a) {
        DataType type = a.dataType();
        if (type == DataType.DOUBLE) {
            return true;
        }
        if (type == DataType.FLOAT) {
            return false;
        }
        throw new IllegalArgumentException("optimizers work in FLOAT or DOUBLE, got " + type);
    }

    /** Whether every tensor is float32: the type the chunked float paths (and fused steps) take. */
    public static boolean allFloat(Params tensors) {
        for (int p = 0; p < tensors.size(); p++) {
            if (tensors.value(p).dataType() != DataType.FLOAT) {
                return false;
            }
        }
        return true;
    }

    /** The bytes the tensors of {@code buffers} take (0 for {@code null}). */
    public static long bytes(Params buffers) {
        return buffers == null ? 0 : buffers.numElements() * (long) buffers.dataType().width();
    }

    /**
     * The tensor's data as floats, element i at {@code a.offset() + i}: a view cached per data buffer, for bulk
     * {@code get}/{@code put} (element-by-element access through a cached view is slow: the JIT reloads its
     * fields on every access).
     */
    public static FloatBuffer floats(INDArray a) {
        DataBuffer data = a.data();
        NioViews views = NIO_VIEWS.get();
        Buffer cached = views.find(data);
        if (cached instanceof FloatBuffer f) {
            return f;
        }
        FloatBuffer f = data.asNioFloat();
        views.put(data, f);
        return f;
    }

    /** The tensor's data as doubles, element i at {@code a.offset() + i}: a fresh view (168 bytes). */
    public static DoubleBuffer doubles(INDArray a) {
        return a.data().asNioDouble();
    }

    /**
     * Four float arrays of {@link #CHUNK} elements, this thread's scratch for chunked float loops. The methods of
     * this class use them too: do not call them while a loop of yours holds chunks in these arrays.
     */
    public static float[][] scratch() {
        return SCRATCH.get();
    }

    /** The sum of squares of the entries, accumulated in double. */
    public static double sumOfSquares(INDArray a) {
        int off = (int) a.offset();
        int n = (int) a.length();
        double sum = 0;
        if (isDouble(a)) {
            DoubleBuffer d = doubles(a);
            for (int i = off; i < off + n; i++) {
                double v = d.get(i);
                sum += v * v;
            }
            return sum;
        }
        FloatBuffer f = floats(a);
        float[] c = scratch()[0];
        for (int start = 0; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            f.get(off + start, c, 0, len);
            for (int i = 0; i < len; i++) {
                double v = c[i];
                sum += v * v;
            }
        }
        return sum;
    }

    /** {@code a <- factor * a}. */
    public static void scale(INDArray a, double factor) {
        int off = (int) a.offset();
        int n = (int) a.length();
        if (isDouble(a)) {
            DoubleBuffer d = doubles(a);
            for (int i = off; i < off + n; i++) {
                d.put(i, factor * d.get(i));
            }
            return;
        }
        FloatBuffer f = floats(a);
        float[] c = scratch()[0];
        float factorF = (float) factor;
        for (int start = 0; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            f.get(off + start, c, 0, len);
            scaleChunk(c, factorF, len);
            f.put(off + start, c, 0, len);
        }
    }

    /** {@code c[0, len) <- factor * c}: the float kernel of {@link #scale}. */
    static void scaleChunk(float[] c, float factor, int len) {
        for (int i = 0; i < len; i++) {
            c[i] = factor * c[i];
        }
    }

    /** {@code target <- target + alpha * source}, same shape and type. */
    public static void addScaled(INDArray target, INDArray source, double alpha) {
        checkSameLength(target, source);
        int to = (int) target.offset();
        int so = (int) source.offset();
        int n = (int) target.length();
        if (isDouble(target)) {
            DoubleBuffer t = doubles(target);
            DoubleBuffer s = doubles(source);
            for (int i = 0; i < n; i++) {
                t.put(to + i, t.get(to + i) + alpha * s.get(so + i));
            }
            return;
        }
        FloatBuffer t = floats(target);
        FloatBuffer s = floats(source);
        float[][] scratch = scratch();
        float[] tc = scratch[0];
        float[] sc = scratch[1];
        float alphaF = (float) alpha;
        for (int start = 0; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            t.get(to + start, tc, 0, len);
            s.get(so + start, sc, 0, len);
            addScaledChunk(tc, sc, alphaF, len);
            t.put(to + start, tc, 0, len);
        }
    }

    /** {@code t[0, len) <- t + alpha * s}: the float kernel of {@link #addScaled}. */
    static void addScaledChunk(float[] t, float[] s, float alpha, int len) {
        for (int i = 0; i < len; i++) {
            t[i] = t[i] + alpha * s[i];
        }
    }

    /** {@code target <- a * x + b * z}, all of one shape and type. */
    public static void combine(INDArray target, double a, INDArray x, double b, INDArray z) {
        checkSameLength(target, x);
        checkSameLength(target, z);
        int to = (int) target.offset();
        int xo = (int) x.offset();
        int zo = (int) z.offset();
        int n = (int) target.length();
        if (isDouble(target)) {
            DoubleBuffer t = doubles(target);
            DoubleBuffer xd = doubles(x);
            DoubleBuffer zd = doubles(z);
            for (int i = 0; i < n; i++) {
                t.put(to + i, a * xd.get(xo + i) + b * zd.get(zo + i));
            }
            return;
        }
        FloatBuffer t = floats(target);
        FloatBuffer xf = floats(x);
        FloatBuffer zf = floats(z);
        float[][] scratch = scratch();
        float[] tc = scratch[0];
        float[] xc = scratch[1];
        float[] zc = scratch[2];
        float aF = (float) a;
        float bF = (float) b;
        for (int start = 0; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            xf.get(xo + start, xc, 0, len);
            zf.get(zo + start, zc, 0, len);
            for (int i = 0; i < len; i++) {
                tc[i] = aF * xc[i] + bF * zc[i];
            }
            t.put(to + start, tc, 0, len);
        }
    }

    /** {@code target <- source}, same shape and type (a bulk copy). */
    public static void copy(INDArray source, INDArray target) {
        checkSameLength(target, source);
        int to = (int) target.offset();
        int so = (int) source.offset();
        int n = (int) target.length();
        if (isDouble(target)) {
            doubles(target).put(to, doubles(source), so, n);
        } else {
            floats(target).put(to, floats(source), so, n);
        }
    }

    private static void checkSameLength(INDArray target, INDArray source) {
        if (target.length() != source.length() || target.dataType() != source.dataType()) {
            throw new IllegalArgumentException("tensors differ: " + target.dataType() + target.length() + " vs "
                    + source.dataType() + source.length());
        }
    }

    /**
     * The NIO views of the data buffers this thread walked. ND4J makes new wrapper objects on every
     * {@code asNioFloat()} (168 bytes); a step walks the same buffers every time (every parameter, gradient,
     * update and state tensor has one), so remembering them keeps a step free of allocation. An identity table
     * with weak keys, two slots per key (a third colliding buffer just misses): a cached view is returned only
     * while its data buffer, and so its memory, is alive.
     */
    private static final class NioViews {
        private static final int SLOTS = 4096;
        private final WeakReference<?>[] keys = new WeakReference<?>[SLOTS];
        private final Buffer[] views = new Buffer[SLOTS];

        Buffer find(DataBuffer data) {
            int home = slot(data);
            for (int probe = 0; probe < 2; probe++) {
                int i = (home + probe) & (SLOTS - 1);
                WeakReference<?> key = keys[i];
                if (key != null && key.get() == data) {
                    return views[i];
                }
            }
            return null;
        }

        void put(DataBuffer data, Buffer view) {
            int home = slot(data);
            int chosen = home;
            for (int probe = 0; probe < 2; probe++) {
                int i = (home + probe) & (SLOTS - 1);
                if (keys[i] == null || keys[i].get() == null) {
                    chosen = i;
                    break;
                }
            }
            keys[chosen] = new WeakReference<>(data);
            views[chosen] = view;
        }

        private static int slot(Object key) {
            int h = System.identityHashCode(key);
            return (h ^ (h >>> 16)) & (SLOTS - 1);
        }
    }
}
