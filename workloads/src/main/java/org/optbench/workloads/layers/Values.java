package org.optbench.workloads.layers;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Element access to a contiguous FLOAT or DOUBLE array through its NIO buffer, by index relative to the array's
 * own offset, so that one loop serves both precisions. Reads and sums are in double.
 */
public sealed interface Values permits Values.Floats, Values.Doubles {

    /** Entry {@code i} (row-major) of the array. */
    double get(int i);

    /** Sets entry {@code i}. */
    void set(int i, double v);

    /** Adds {@code v} to entry {@code i}. */
    void add(int i, double v);

    /** The accessor of a contiguous FLOAT or DOUBLE array. */
    static Values of(INDArray a) {
        int offset = (int) a.offset();
        if (a.dataType() == DataType.FLOAT) {
            return new Floats(a.data().asNioFloat(), offset);
        }
        if (a.dataType() == DataType.DOUBLE) {
            return new Doubles(a.data().asNioDouble(), offset);
        }
        throw new IllegalArgumentException("expected a FLOAT or DOUBLE array, got " + a.dataType());
    }

    /**
     * {@code out = a + b} element-wise over contiguous arrays of one type and length ({@code out} may be {@code a}
     * or {@code b}); in FLOAT a chunk at a time over heap copies, which the JIT vectorises.
     */
    static void sum(INDArray a, INDArray b, INDArray out) {
        int n = (int) out.length();
        if (out.dataType() == DataType.FLOAT) {
            FloatBuffer ab = a.data().asNioFloat();
            FloatBuffer bb = b.data().asNioFloat();
            FloatBuffer ob = out.data().asNioFloat();
            int ao = (int) a.offset();
            int bo = (int) b.offset();
            int oo = (int) out.offset();
            float[] x = Scratch.floats(0, Scratch.CHUNK);
            float[] y = Scratch.floats(1, Scratch.CHUNK);
            for (int s = 0; s < n; s += Scratch.CHUNK) {
                int len = Math.min(Scratch.CHUNK, n - s);
                ab.get(ao + s, x, 0, len);
                bb.get(bo + s, y, 0, len);
                for (int i = 0; i < len; i++) {
                    x[i] += y[i];
                }
                ob.put(oo + s, x, 0, len);
            }
        } else {
            Values av = of(a);
            Values bv = of(b);
            Values ov = of(out);
            for (int i = 0; i < n; i++) {
                ov.set(i, av.get(i) + bv.get(i));
            }
        }
    }

    /** {@code to = from} over contiguous arrays of one type and length: one bulk copy. */
    static void copy(INDArray from, INDArray to) {
        int n = (int) to.length();
        if (to.dataType() == DataType.FLOAT) {
            to.data().asNioFloat().put((int) to.offset(), from.data().asNioFloat(), (int) from.offset(), n);
        } else {
            to.data().asNioDouble().put((int) to.offset(), from.data().asNioDouble(), (int) from.offset(), n);
        }
    }

    /** The NIO buffer of an INT array and its offset, for index arrays such as a batch's edge lists. */
    static IntBuffer ints(INDArray a) {
        if (a.dataType() != DataType.INT) {
            throw new IllegalArgumentException("expected an INT index array, got " + a.dataType());
        }
        return a.data().asNioInt();
    }

    /** Float storage. */
    record Floats(FloatBuffer buffer, int offset) implements Values {
        @Override
        public double get(int i) {
            return buffer.get(offset + i);
        }

        @Override
        public void set(int i, double v) {
            buffer.put(offset + i, (float) v);
        }

        @Override
        public void add(int i, double v) {
            buffer.put(offset + i, (float) (buffer.get(offset + i) + v));
        }
    }

    /** Double storage. */
    record Doubles(DoubleBuffer buffer, int offset) implements Values {
        @Override
        public double get(int i) {
            return buffer.get(offset + i);
        }

        @Override
        public void set(int i, double v) {
            buffer.put(offset + i, v);
        }

        @Override
        public void add(int i, double v) {
            buffer.put(offset + i, buffer.get(offset + i) + v);
        }
    }
}
