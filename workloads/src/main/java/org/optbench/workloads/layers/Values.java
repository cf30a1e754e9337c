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
