package org.optbench.workloads.layers;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A 2-D convolution with stride 1 and zero padding, by im2col and one matrix product. Activations are NHWC: one
 * example is {@code height * width * channels} contiguous entries, channels fastest. The kernel is
 * {@code [out, in, k, k]} ({@code ParameterType.CONV_WEIGHT}); the output {@code [batch * outHeight * outWidth,
 * out]} is NHWC again.
 *
 * <p>Forward: {@code cols[(b, y, x), (c, i, j)] = in[b, y + i - pad, x + j - pad, c]} (zero outside),
 * {@code out = cols K^T + bias} with {@code K} the kernel as {@code [out, in * k * k]}. Backward from
 * {@code dOut}: {@code dK = dOut^T cols}, {@code dbias = sum over rows of dOut}, {@code dcols = dOut K}, and
 * {@code dIn} is {@code dcols} scattered back and summed (col2im). The native {@code conv2d_bp} of this ND4J build
 * took 115 ms at batch 128 where these gemms take a few: hence im2col by hand. The caller owns every buffer. The
 * index map from patch entries to input entries is computed once, here; the {@code [out, in * k * k]} matrix views
 * of the last kernel and kernel gradient seen are kept, so a step allocates nothing. Not thread-safe.
 */
public final class Conv2d {
    private final int height;
    private final int width;
    private final int inChannels;
    private final int outChannels;
    private final int kernelSize;
    private final int padding;
    private final int outHeight;
    private final int outWidth;
    /** For one example: patch entry (position, c, i, j) to its input entry, or -1 for padding. */
    private final int[] patchMap;
    /** The last kernel (slot 0) and kernel gradient (slot 1) seen, and their matrix views. */
    private final INDArray[] viewed = new INDArray[2];
    private final INDArray[] matrixViews = new INDArray[2];

    /**
     * @param height input rows
     * @param width input columns
     * @param inChannels input channels
     * @param outChannels output channels (filters)
     * @param kernelSize the side {@code k} of the square kernel
     * @param padding zeros added on every side ({@code 0}: "valid"; {@code (k - 1) / 2}: "same")
     */
    public Conv2d(int height, int width, int inChannels, int outChannels, int kernelSize, int padding) {
        if (height < 1 || width < 1 || inChannels < 1 || outChannels < 1 || kernelSize < 1 || padding < 0
                || height + 2 * padding < kernelSize || width + 2 * padding < kernelSize) {
            throw new IllegalArgumentException(String.format("bad convolution %dx%dx%d -> %d, kernel %d, padding %d",
                    height, width, inChannels, outChannels, kernelSize, padding));
        }
        this.height = height;
        this.width = width;
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernelSize = kernelSize;
        this.padding = padding;
        this.outHeight = height + 2 * padding - kernelSize + 1;
        this.outWidth = width + 2 * padding - kernelSize + 1;
        int patch = patchSize();
        patchMap = new int[outHeight * outWidth * patch];
        for (int y = 0; y < outHeight; y++) {
            for (int x = 0; x < outWidth; x++) {
                int row = (y * outWidth + x) * patch;
                for (int c = 0; c < inChannels; c++) {
                    for (int i = 0; i < kernelSize; i++) {
                        for (int j = 0; j < kernelSize; j++) {
                            int sy = y + i - padding;
                            int sx = x + j - padding;
                            boolean inside = sy >= 0 && sy < height && sx >= 0 && sx < width;
                            patchMap[row + (c * kernelSize + i) * kernelSize + j] =
                                    inside ? (sy * width + sx) * inChannels + c : -1;
                        }
                    }
                }
            }
        }
    }

    /** Output rows. */
    public int outHeight() {
        return outHeight;
    }

    /** Output columns. */
    public int outWidth() {
        return outWidth;
    }

    /** Input channels. */
    public int inChannels() {
        return inChannels;
    }

    /** Output channels. */
    public int outChannels() {
        return outChannels;
    }

    /** The kernel side. */
    public int kernelSize() {
        return kernelSize;
    }

    /** Output positions per example, {@code outHeight * outWidth}. */
    public int positions() {
        return outHeight * outWidth;
    }

    /** Entries of one patch, {@code inChannels * k * k}: the columns of the im2col buffer. */
    public int patchSize() {
        return inChannels * kernelSize * kernelSize;
    }

    /** Entries of one example's input, {@code height * width * inChannels}. */
    public int inputSize() {
        return height * width * inChannels;
    }

    /** Entries of one example's output, {@code positions * outChannels}. */
    public int outputSize() {
        return positions() * outChannels;
    }

    /** The kernel's shape {@code [out, in, k, k]}. */
    public long[] kernelShape() {
        return new long[] {outChannels, inChannels, kernelSize, kernelSize};
    }

    /**
     * {@code out = im2col(in) K^T + bias}.
     *
     * @param in the input, {@code batch * inputSize()} contiguous entries (any shape)
     * @param kernel {@code [out, in, k, k]}, contiguous
     * @param bias {@code [out]}, or {@code null} for none (a normalisation follows)
     * @param cols the im2col buffer {@code [batch * positions, patchSize]}, overwritten (the backward pass reads it)
     * @param out {@code [batch * positions, outChannels]}
     */
    public void forward(INDArray in, INDArray kernel, INDArray bias, INDArray cols, INDArray out) {
        im2col(in, cols);
        Nd4j.gemm(cols, kernelMatrix(kernel, 0), out, false, true, 1.0, 0.0);
        if (bias != null) {
            Dense.addRowVector(out, bias);
        }
    }

    /**
     * The backward pass from {@code gradOut = dL/dout}; minibatch means when {@code gradOut} carries the 1/batch.
     *
     * @param cols the im2col buffer of the forward pass
     * @param gradKernel {@code [out, in, k, k]}, overwritten
     * @param gradBias {@code [out]}, overwritten, or {@code null} when there is no bias
     * @param gradCols scratch {@code [batch * positions, patchSize]}, or {@code null} with {@code gradIn}
     * @param gradIn {@code dL/din}, {@code batch * inputSize()} entries, or {@code null} for the first layer
     */
    public void backward(INDArray cols, INDArray kernel, INDArray gradOut, INDArray gradKernel, INDArray gradBias,
                         INDArray gradCols, INDArray gradIn) {
        Nd4j.gemm(gradOut, cols, kernelMatrix(gradKernel, 1), true, false, 1.0, 0.0);
        if (gradBias != null) {
            Dense.sumRows(gradOut, gradBias);
        }
        if (gradIn != null) {
            Nd4j.gemm(gradOut, kernelMatrix(kernel, 0), gradCols, false, false, 1.0, 0.0);
            col2im(gradCols, gradIn);
        }
    }

    private INDArray kernelMatrix(INDArray kernel, int slot) {
        if (viewed[slot] == kernel) {
            return matrixViews[slot];
        }
        if (kernel.length() != (long) outChannels * patchSize()) {
            throw new IllegalArgumentException("kernel has " + kernel.length() + " entries, expected "
                    + outChannels * patchSize());
        }
        // A view over the same memory: the [out, in, k, k] tensor read as [out, in * k * k].
        INDArray matrix = kernel.rank() == 2 ? kernel : kernel.reshape('c', outChannels, patchSize());
        viewed[slot] = kernel;
        matrixViews[slot] = matrix;
        return matrix;
    }

    /** {@code cols[b * positions + p, e] = in[b, patchMap[p, e]]}, zero for padding. */
    void im2col(INDArray in, INDArray cols) {
        int batch = (int) (cols.length() / patchMap.length);
        int inSize = inputSize();
        int per = patchMap.length;
        int io = (int) in.offset();
        int co = (int) cols.offset();
        if (in.dataType() == DataType.FLOAT) {
            // Per example over heap copies: the gather reads an array, not an NIO buffer.
            FloatBuffer x = in.data().asNioFloat();
            FloatBuffer c = cols.data().asNioFloat();
            float[] xa = Scratch.floats(0, inSize);
            float[] ca = Scratch.floats(1, per);
            for (int b = 0; b < batch; b++) {
                x.get(io + b * inSize, xa, 0, inSize);
                for (int e = 0; e < per; e++) {
                    int m = patchMap[e];
                    ca[e] = m < 0 ? 0f : xa[m];
                }
                c.put(co + b * per, ca, 0, per);
            }
        } else {
            DoubleBuffer x = in.data().asNioDouble();
            DoubleBuffer c = cols.data().asNioDouble();
            for (int b = 0; b < batch; b++) {
                int src = io + b * inSize;
                int dst = co + b * per;
                for (int e = 0; e < per; e++) {
                    int m = patchMap[e];
                    c.put(dst + e, m < 0 ? 0.0 : x.get(src + m));
                }
            }
        }
    }

    /** {@code in = 0}, then {@code in[b, patchMap[p, e]] += cols[b * positions + p, e]}: the adjoint of im2col. */
    void col2im(INDArray cols, INDArray in) {
        int batch = (int) (cols.length() / patchMap.length);
        int inSize = inputSize();
        int per = patchMap.length;
        int io = (int) in.offset();
        int co = (int) cols.offset();
        if (in.dataType() == DataType.FLOAT) {
            FloatBuffer x = in.data().asNioFloat();
            FloatBuffer c = cols.data().asNioFloat();
            float[] xa = Scratch.floats(0, inSize);
            float[] ca = Scratch.floats(1, per);
            for (int b = 0; b < batch; b++) {
                java.util.Arrays.fill(xa, 0, inSize, 0f);
                c.get(co + b * per, ca, 0, per);
                for (int e = 0; e < per; e++) {
                    int m = patchMap[e];
                    if (m >= 0) {
                        xa[m] += ca[e];
                    }
                }
                x.put(io + b * inSize, xa, 0, inSize);
            }
        } else {
            DoubleBuffer x = in.data().asNioDouble();
            DoubleBuffer c = cols.data().asNioDouble();
            for (int i = 0; i < batch * inSize; i++) {
                x.put(io + i, 0.0);
            }
            for (int b = 0; b < batch; b++) {
                int dst = io + b * inSize;
                int src = co + b * per;
                for (int e = 0; e < per; e++) {
                    int m = patchMap[e];
                    if (m >= 0) {
                        x.put(dst + m, x.get(dst + m) + c.get(src + e));
                    }
                }
            }
        }
    }
}
