package org.optbench.workloads.layers;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fully connected layer {@code y = x W + b}, with {@code x [batch, in]}, {@code W [in, out]}, {@code b [out]}.
 * Stateless: the caller owns every buffer. All arrays must be contiguous in C order and share one data type.
 */
public final class Dense {
    private Dense() {
    }

    /** {@code out = x W + b}, written into {@code out [batch, out]}. */
    public static void forward(INDArray x, INDArray kernel, INDArray bias, INDArray out) {
        Nd4j.gemm(x, kernel, out, false, false, 1.0, 0.0);
        addRowVector(out, bias);
    }

    /**
     * The backward pass from {@code gradOut = dL/dy [batch, out]}:
     * {@code dW = x^T dy}, {@code db = sum over the batch of dy}, {@code dx = dy W^T}. Since {@code gradOut}
     * already carries the loss's 1/batch, these are minibatch means.
     *
     * @param gradIn {@code dL/dx [batch, in]}, or {@code null} when the input needs no gradient (the first layer)
     */
    public static void backward(INDArray x, INDArray kernel, INDArray gradOut, INDArray gradKernel,
                                INDArray gradBias, INDArray gradIn) {
        Nd4j.gemm(x, gradOut, gradKernel, true, false, 1.0, 0.0);
        sumRows(gradOut, gradBias);
        if (gradIn != null) {
            Nd4j.gemm(gradOut, kernel, gradIn, false, true, 1.0, 0.0);
        }
    }

    /** {@code matrix[r, c] += row[c]} for every row, in place. */
    static void addRowVector(INDArray matrix, INDArray row) {
        int rows = (int) matrix.size(0);
        int cols = (int) matrix.size(1);
        long m0 = matrix.offset();
        long r0 = row.offset();
        if (matrix.dataType() == DataType.FLOAT) {
            // Heap copies: the row once, the matrix a chunk of whole rows at a time (one row if a row is longer).
            FloatBuffer m = matrix.data().asNioFloat();
            float[] b = Scratch.floats(0, cols);
            row.data().asNioFloat().get((int) r0, b, 0, cols);
            int rowsPerChunk = Math.max(1, Scratch.CHUNK / cols);
            float[] a = Scratch.floats(1, rowsPerChunk * cols);
            for (int r = 0; r < rows; r += rowsPerChunk) {
                int n = Math.min(rowsPerChunk, rows - r);
                int base = (int) (m0 + (long) r * cols);
                m.get(base, a, 0, n * cols);
                for (int i = 0; i < n; i++) {
                    int o = i * cols;
                    for (int c = 0; c < cols; c++) {
                        a[o + c] += b[c];
                    }
                }
                m.put(base, a, 0, n * cols);
            }
        } else {
            DoubleBuffer m = matrix.data().asNioDouble();
            DoubleBuffer b = row.data().asNioDouble();
            for (int r = 0; r < rows; r++) {
                int base = (int) (m0 + (long) r * cols);
                for (int c = 0; c < cols; c++) {
                    m.put(base + c, m.get(base + c) + b.get((int) r0 + c));
                }
            }
        }
    }

    /** {@code out[c] = sum_r matrix[r, c]}, accumulated in the arrays' type. */
    static void sumRows(INDArray matrix, INDArray out) {
        int rows = (int) matrix.size(0);
        int cols = (int) matrix.size(1);
        long m0 = matrix.offset();
        int o0 = (int) out.offset();
        if (matrix.dataType() == DataType.FLOAT) {
            FloatBuffer m = matrix.data().asNioFloat();
            float[] o = Scratch.floats(0, cols);
            java.util.Arrays.fill(o, 0, cols, 0f);
            int rowsPerChunk = Math.max(1, Scratch.CHUNK / cols);
            float[] a = Scratch.floats(1, rowsPerChunk * cols);
            // Row by row keeps the walk over memory sequential; float sums over a batch lose nothing that matters.
            for (int r = 0; r < rows; r += rowsPerChunk) {
                int n = Math.min(rowsPerChunk, rows - r);
                m.get((int) (m0 + (long) r * cols), a, 0, n * cols);
                for (int i = 0; i < n; i++) {
                    int base = i * cols;
                    for (int c = 0; c < cols; c++) {
                        o[c] += a[base + c];
                    }
                }
            }
            out.data().asNioFloat().put(o0, o, 0, cols);
        } else {
            DoubleBuffer m = matrix.data().asNioDouble();
            DoubleBuffer o = out.data().asNioDouble();
            for (int c = 0; c < cols; c++) {
                o.put(o0 + c, 0.0);
            }
            for (int r = 0; r < rows; r++) {
                int base = (int) (m0 + (long) r * cols);
                for (int c = 0; c < cols; c++) {
                    o.put(o0 + c, o.get(o0 + c) + m.get(base + c));
                }
            }
        }
    }
}
