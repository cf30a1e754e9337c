package org.optbench.submissions.precondition;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.optbench.submissions.transform.Elements;

/**
 * The entries of one contiguous C-order tensor, read and written as doubles straight from its native buffer, for
 * the element-wise loops of the preconditioners. Float32 and float64 tensors both work; arithmetic on the values
 * read is in double, the stored precision follows the tensor.
 */
final class TensorBuffer {
    private final FloatBuffer floats;
    private final DoubleBuffer doubles;
    private final int offset;
    private final int length;

    private TensorBuffer(INDArray array) {
        if (array.length() > 1 && (array.ordering() != 'c' || array.elementWiseStride() != 1)) {
            throw new IllegalArgumentException("tensor must be contiguous in C order");
        }
        this.offset = (int) array.offset();
        this.length = (int) array.length();
        if (array.dataType() == DataType.DOUBLE) {
            this.doubles = array.data().asNioDouble();
            this.floats = null;
        } else if (array.dataType() == DataType.FLOAT) {
            this.floats = array.data().asNioFloat();
            this.doubles = null;
        } else {
            throw new IllegalArgumentException("preconditioners support FLOAT and DOUBLE tensors, got " + array.dataType());
        }
    }

    /** A view of the entries of {@code array}, which must be contiguous in C order. */
    static TensorBuffer of(INDArray array) {
        return new TensorBuffer(array);
    }

    /** The number of entries. */
    int length() {
        return length;
    }

    /** Entry {@code i} in C order. */
    double get(int i) {
        return doubles != null ? doubles.get(offset + i) : floats.get(offset + i);
    }

    /** Sets entry {@code i} in C order. */
    void set(int i, double value) {
        if (doubles != null) {
            doubles.put(offset + i, value);
        } else {
            floats.put(offset + i, (float) value);
        }
    }

    /** The Euclidean norm of all entries, accumulated in double. */
    double norm() {
        double sum = 0;
        for (int i = 0; i < length; i++) {
            double v = get(i);
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    /** Multiplies every entry by {@code factor}. */
    void scale(double factor) {
        for (int i = 0; i < length; i++) {
            set(i, get(i) * factor);
        }
    }

    /** Reads the first {@code n} entries of a contiguous C-order tensor into {@code target} as doubles, in bulk. */
    static void read(INDArray array, double[] target, int n) {
        readRange(array, 0, target, 0, n);
    }

    /** Reads entries {@code from … from+n} (C order) of a contiguous tensor into {@code target[at …]}, in bulk. */
    static void readRange(INDArray array, int from, double[] target, int at, int n) {
        int offset = (int) array.offset() + from;
        if (Elements.isDouble(array)) {
            Elements.doubles(array).get(offset, target, at, n);
            return;
        }
        float[] chunk = Elements.scratch()[0];
        FloatBuffer f = Elements.floats(array);
        for (int start = 0; start < n; start += Elements.CHUNK) {
            int len = Math.min(Elements.CHUNK, n - start);
            f.get(offset + start, chunk, 0, len);
            for (int i = 0; i < len; i++) {
                target[at + start + i] = chunk[i];
            }
        }
    }

    /** Writes {@code source[0..n)} into a contiguous C-order tensor, rounded to its type, in bulk. */
    static void write(double[] source, int n, INDArray array) {
        int offset = (int) array.offset();
        if (Elements.isDouble(array)) {
            Elements.doubles(array).put(offset, source, 0, n);
            return;
        }
        float[] chunk = Elements.scratch()[0];
        FloatBuffer f = Elements.floats(array);
        for (int start = 0; start < n; start += Elements.CHUNK) {
            int len = Math.min(Elements.CHUNK, n - start);
            for (int i = 0; i < len; i++) {
                chunk[i] = (float) source[start + i];
            }
            f.put(offset + start, chunk, 0, len);
        }
    }
}
