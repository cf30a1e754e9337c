package org.optbench.workloads.layers;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Element access to a contiguous C-order FLOAT or DOUBLE array through its NIO buffer, in double: element
 * {@code i} is the array's {@code offset() + i}. Lets one Java loop serve both precisions; the precision branch in
 * {@link #get} and {@link #set} is the same for every call on one object, so the JIT predicts it.
 */
public final class FlatArray {
    private final FloatBuffer floats;
    private final DoubleBuffer doubles;
    private final int offset;
    private final int length;

    private FlatArray(INDArray array) {
        if (array.length() > 1 && (array.ordering() != 'c' || array.elementWiseStride() != 1)) {
            throw new IllegalArgumentException("array must be contiguous in C order");
        }
        if (array.dataType() == DataType.FLOAT) {
            floats = array.data().asNioFloat();
            doubles = null;
        } else if (array.dataType() == DataType.DOUBLE) {
            floats = null;
            doubles = array.data().asNioDouble();
        } else {
            throw new IllegalArgumentException("FLOAT or DOUBLE expected, got " + array.dataType());
        }
        offset = (int) array.offset();
        length = (int) array.length();
    }

    /** Access to {@code array}'s elements (contiguous, C order, FLOAT or DOUBLE). */
    public static FlatArray of(INDArray array) {
        return new FlatArray(array);
    }

    /** The number of elements. */
    public int length() {
        return length;
    }

    /** Element {@code i}. */
    public double get(int i) {
        return floats != null ? floats.get(offset + i) : doubles.get(offset + i);
    }

    /** Sets element {@code i} (rounded to float in a FLOAT array). */
    public void set(int i, double value) {
        if (floats != null) {
            floats.put(offset + i, (float) value);
        } else {
            doubles.put(offset + i, value);
        }
    }

    /** Adds {@code value} to element {@code i}. */
    public void add(int i, double value) {
        set(i, get(i) + value);
    }

    /** Sets every element to zero. */
    public void zero() {
        for (int i = 0; i < length; i++) {
            set(i, 0.0);
        }
    }
}
