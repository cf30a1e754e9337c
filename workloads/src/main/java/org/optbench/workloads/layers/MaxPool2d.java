package org.optbench.workloads.layers;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Max pooling over non-overlapping {@code size x size} windows of NHWC activations (rows and columns beyond the
 * last full window are dropped, as PyTorch's default). The forward pass records, for every output, which input
 * entry won; the backward pass routes each output gradient to that entry and leaves the others zero (ties go to
 * the first entry in row-major window order).
 */
public final class MaxPool2d {
    private final int height;
    private final int width;
    private final int channels;
    private final int size;
    private final int outHeight;
    private final int outWidth;

    /**
     * @param height input rows
     * @param width input columns
     * @param channels channels (unchanged)
     * @param size the window side and stride
     */
    public MaxPool2d(int height, int width, int channels, int size) {
        if (size < 1 || height < size || width < size || channels < 1) {
            throw new IllegalArgumentException(String.format("bad pooling %dx%dx%d with window %d", height, width,
                    channels, size));
        }
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.size = size;
        this.outHeight = height / size;
        this.outWidth = width / size;
    }

    /** Output rows. */
    public int outHeight() {
        return outHeight;
    }

    /** Output columns. */
    public int outWidth() {
        return outWidth;
    }

    /** Entries of one example's input. */
    public int inputSize() {
        return height * width * channels;
    }

    /** Entries of one example's output. */
    public int outputSize() {
        return outHeight * outWidth * channels;
    }

    /**
     * {@code out[b, y, x, c] = max over the window of in}; {@code winners} (length {@code batch * outputSize()})
     * receives each maximum's index into {@code in}, counted from {@code in.offset()}.
     */
    public void forward(INDArray in, INDArray out, int[] winners) {
        int batch = (int) (out.length() / outputSize());
        int io = (int) in.offset();
        int oo = (int) out.offset();
        if (in.dataType() == DataType.FLOAT) {
            forwardFloat(in, out, winners, batch, io, oo);
            return;
        }
        boolean isFloat = in.dataType() == DataType.FLOAT;
        FloatBuffer xf = isFloat ? in.data().asNioFloat() : null;
        FloatBuffer yf = isFloat ? out.data().asNioFloat() : null;
        DoubleBuffer xd = isFloat ? null : in.data().asNioDouble();
        DoubleBuffer yd = isFloat ? null : out.data().asNioDouble();
        int k = 0;
        for (int b = 0; b < batch; b++) {
            int base = b * inputSize();
            for (int y = 0; y < outHeight; y++) {
                for (int x = 0; x < outWidth; x++) {
                    for (int c = 0; c < channels; c++) {
                        int best = base + ((y * size) * width + x * size) * channels + c;
                        double max = isFloat ? xf.get(io + best) : xd.get(io + best);
                        for (int i = 0; i < size; i++) {
                            for (int j = 0; j < size; j++) {
                                int idx = base + ((y * size + i) * width + x * size + j) * channels + c;
                                double v = isFloat ? xf.get(io + idx) : xd.get(io + idx);
                                if (v > max) {
                                    max = v;
                                    best = idx;
                                }
                            }
                        }
                        winners[k] = best;
                        if (isFloat) {
                            yf.put(oo + k, (float) max);
                        } else {
                            yd.put(oo + k, max);
                        }
                        k++;
                    }
                }
            }
        }
    }

    /** {@code gradIn = 0}, then {@code gradIn[winners[k]] = gradOut[k]}. */
    public void backward(INDArray gradOut, int[] winners, INDArray gradIn) {
        int n = (int) gradOut.length();
        int go = (int) gradOut.offset();
        int gi = (int) gradIn.offset();
        int inLength = (int) gradIn.length();
        if (gradOut.dataType() == DataType.FLOAT) {
            // Per example over a zeroed heap copy; winners of example b lie in its own input.
            FloatBuffer g = gradOut.data().asNioFloat();
            FloatBuffer d = gradIn.data().asNioFloat();
            int inSize = inputSize();
            int outSize = outputSize();
            int batch = inLength / inSize;
            float[] da = Scratch.floats(0, inSize);
            float[] ga = Scratch.floats(1, outSize);
            for (int b = 0; b < batch; b++) {
                java.util.Arrays.fill(da, 0, inSize, 0f);
                g.get(go + b * outSize, ga, 0, outSize);
                int base = b * inSize;
                for (int k = 0; k < outSize; k++) {
                    da[winners[b * outSize + k] - base] = ga[k];
                }
                d.put(gi + base, da, 0, inSize);
            }
        } else {
            DoubleBuffer g = gradOut.data().asNioDouble();
            DoubleBuffer d = gradIn.data().asNioDouble();
            for (int i = 0; i < inLength; i++) {
                d.put(gi + i, 0.0);
            }
            for (int k = 0; k < n; k++) {
                d.put(gi + winners[k], g.get(go + k));
            }
        }
    }

    /**
     * Per example over heap copies, channels innermost: each window row is a contiguous run of
     * {@code size * channels} floats, compared with the running maxima of the output position's channels.
     */
    private void forwardFloat(INDArray in, INDArray out, int[] winners, int batch, int io, int oo) {
        FloatBuffer xf = in.data().asNioFloat();
        FloatBuffer yf = out.data().asNioFloat();
        int inSize = inputSize();
        int outSize = outputSize();
        float[] xa = Scratch.floats(0, inSize);
        float[] ya = Scratch.floats(1, outSize);
        for (int b = 0; b < batch; b++) {
            xf.get(io + b * inSize, xa, 0, inSize);
            int base = b * inSize;
            int w0 = b * outSize;
            for (int y = 0; y < outHeight; y++) {
                for (int x = 0; x < outWidth; x++) {
                    int o = (y * outWidth + x) * channels;
                    int first = ((y * size) * width + x * size) * channels;
                    for (int c = 0; c < channels; c++) {
                        ya[o + c] = xa[first + c];
                        winners[w0 + o + c] = base + first + c;
                    }
                    for (int i = 0; i < size; i++) {
                        for (int j = i == 0 ? 1 : 0; j < size; j++) {
                            int s = ((y * size + i) * width + x * size + j) * channels;
                            for (int c = 0; c < channels; c++) {
                                float v = xa[s + c];
                                if (v > ya[o + c]) {
                                    ya[o + c] = v;
                                    winners[w0 + o + c] = base + s + c;
                                }
                            }
                        }
                    }
                }
            }
            yf.put(oo + b * outSize, ya, 0, outSize);
        }
    }
}
