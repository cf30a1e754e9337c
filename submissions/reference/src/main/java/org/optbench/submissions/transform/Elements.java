package org.optbench.submissions.transform;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Elementwise loops over the data buffers of contiguous tensors, in FLOAT or DOUBLE, allocating no tensor. Element
 * {@code i} of a contiguous tensor {@code a} sits at {@code a.offset() + i} of its NIO buffer. Arithmetic is done
 * in double and stored in the tensor's own type. Shared by the links of this package; other packages may use it
 * too when they walk tensors the same way.
 */
public final class Elements {
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

    /** The bytes the tensors of {@code buffers} take (0 for {@code null}). */
    public static long bytes(org.optbench.api.Params buffers) {
        return buffers == null ? 0 : buffers.numElements() * (long) buffers.dataType().width();
    }

    /** The tensor's data as floats; element i is at {@code a.offset() + i}. */
    public static FloatBuffer floats(INDArray a) {
        return a.data().asNioFloat();
    }

    /** The tensor's data as doubles; element i is at {@code a.offset() + i}. */
    public static DoubleBuffer doubles(INDArray a) {
        return a.data().asNioDouble();
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
        } else {
            FloatBuffer f = floats(a);
            for (int i = off; i < off + n; i++) {
                double v = f.get(i);
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
        } else {
            FloatBuffer f = floats(a);
            float factorF = (float) factor;
            for (int i = off; i < off + n; i++) {
                f.put(i, factorF * f.get(i));
            }
        }
    }

    /** {@code target <- target + alpha * source}, same shape and type. */
    public static void addScaled(INDArray target, INDArray source, double alpha) {
        int to = (int) target.offset();
        int so = (int) source.offset();
        int n = (int) target.length();
        checkSameLength(target, source);
        if (isDouble(target)) {
            DoubleBuffer t = doubles(target);
            DoubleBuffer s = doubles(source);
            for (int i = 0; i < n; i++) {
                t.put(to + i, t.get(to + i) + alpha * s.get(so + i));
            }
        } else {
            FloatBuffer t = floats(target);
            FloatBuffer s = floats(source);
            for (int i = 0; i < n; i++) {
                t.put(to + i, (float) (t.get(to + i) + alpha * s.get(so + i)));
            }
        }
    }

    /** {@code target <- a * x + b * z}, all of one shape and type. */
    public static void combine(INDArray target, double a, INDArray x, double b, INDArray z) {
        int to = (int) target.offset();
        int xo = (int) x.offset();
        int zo = (int) z.offset();
        int n = (int) target.length();
        checkSameLength(target, x);
        checkSameLength(target, z);
        if (isDouble(target)) {
            DoubleBuffer t = doubles(target);
            DoubleBuffer xd = doubles(x);
            DoubleBuffer zd = doubles(z);
            for (int i = 0; i < n; i++) {
                t.put(to + i, a * xd.get(xo + i) + b * zd.get(zo + i));
            }
        } else {
            FloatBuffer t = floats(target);
            FloatBuffer xf = floats(x);
            FloatBuffer zf = floats(z);
            for (int i = 0; i < n; i++) {
                t.put(to + i, (float) (a * xf.get(xo + i) + b * zf.get(zo + i)));
            }
        }
    }

    /** {@code target <- source}, same shape and type (a bulk copy). */
    public static void copy(INDArray source, INDArray target) {
        int to = (int) target.offset();
        int so = (int) source.offset();
        int n = (int) target.length();
        checkSameLength(target, source);
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
}
