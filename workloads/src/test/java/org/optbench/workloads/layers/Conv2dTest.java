package org.optbench.workloads.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.optbench.workloads.testing.GradientCheck.assertMatches;
import static org.optbench.workloads.testing.GradientCheck.dot;
import static org.optbench.workloads.testing.GradientCheck.gaussian;

import java.util.function.DoubleSupplier;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Rng;

/**
 * The im2col convolution against the definition (a direct 7-deep loop), against ND4J's native {@code conv2d} and
 * {@code conv2d_bp}, and its backward pass against finite differences, in float64 on small shapes.
 */
class Conv2dTest {
    private static final int B = 2;
    private static final int H = 6;
    private static final int W = 5;
    private static final int C = 2;
    private static final int O = 3;
    private static final int K = 3;

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void forwardIsTheDefinitionAndMatchesNativeConv2d(int padding) {
        Conv2d conv = new Conv2d(H, W, C, O, K, padding);
        Rng rng = Rng.of(11 + padding);
        INDArray x = gaussian(rng, B, H, W, C);
        INDArray kernel = gaussian(rng, O, C, K, K);
        INDArray bias = gaussian(rng, O);
        INDArray cols = Nd4j.zeros(DataType.DOUBLE, (long) B * conv.positions(), conv.patchSize());
        INDArray out = Nd4j.zeros(DataType.DOUBLE, (long) B * conv.positions(), O);
        conv.forward(x, kernel, bias, cols, out);

        int oh = H + 2 * padding - K + 1;
        int ow = W + 2 * padding - K + 1;
        assertEquals(oh, conv.outHeight());
        assertEquals(ow, conv.outWidth());
        for (int b = 0; b < B; b++) {
            for (int y = 0; y < oh; y++) {
                for (int xx = 0; xx < ow; xx++) {
                    for (int o = 0; o < O; o++) {
                        double s = bias.getDouble(o);
                        for (int c = 0; c < C; c++) {
                            for (int i = 0; i < K; i++) {
                                for (int j = 0; j < K; j++) {
                                    int sy = y + i - padding;
                                    int sx = xx + j - padding;
                                    if (sy >= 0 && sy < H && sx >= 0 && sx < W) {
                                        s += x.getDouble(b, sy, sx, c) * kernel.getDouble(o, c, i, j);
                                    }
                                }
                            }
                        }
                        assertEquals(s, out.getDouble((long) (b * oh + y) * ow + xx, o), 1e-12);
                    }
                }
            }
        }

        // ND4J's native conv2d: NHWC data (format 1), weights [out, in, kH, kW] (weight format 1).
        INDArray nativeOut = Nd4j.zeros(DataType.DOUBLE, B, oh, ow, O);
        Nd4j.getExecutioner().exec(DynamicCustomOp.builder("conv2d").addInputs(x, kernel, bias)
                .addOutputs(nativeOut).addIntegerArguments(K, K, 1, 1, padding, padding, 1, 1, 0, 1, 1).build());
        assertEquals(0, nativeOut.reshape(out.shape()).distance1(out), 1e-10);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void backwardMatchesFiniteDifferencesAndNativeConv2dBp(int padding) {
        Conv2d conv = new Conv2d(H, W, C, O, K, padding);
        Rng rng = Rng.of(23 + padding);
        INDArray x = gaussian(rng, B, H, W, C);
        INDArray kernel = gaussian(rng, O, C, K, K);
        INDArray bias = gaussian(rng, O);
        long rows = (long) B * conv.positions();
        INDArray cols = Nd4j.zeros(DataType.DOUBLE, rows, conv.patchSize());
        INDArray out = Nd4j.zeros(DataType.DOUBLE, rows, O);
        // L = sum(out * r): dL/dout = r.
        INDArray r = gaussian(rng, rows, O);
        DoubleSupplier loss = () -> {
            conv.forward(x, kernel, bias, cols, out);
            return dot(out, r);
        };
        loss.getAsDouble();
        INDArray gradKernel = Nd4j.zeros(DataType.DOUBLE, O, C, K, K);
        INDArray gradBias = Nd4j.zeros(DataType.DOUBLE, O);
        INDArray gradCols = Nd4j.zeros(DataType.DOUBLE, rows, conv.patchSize());
        INDArray gradIn = Nd4j.zeros(DataType.DOUBLE, B, H, W, C);
        conv.backward(cols, kernel, r, gradKernel, gradBias, gradCols, gradIn);

        assertMatches("dkernel", kernel, gradKernel, loss, 1e-7);
        assertMatches("dbias", bias, gradBias, loss, 1e-7);
        assertMatches("dinput", x, gradIn, loss, 1e-7);

        INDArray nGradIn = Nd4j.zeros(DataType.DOUBLE, B, H, W, C);
        INDArray nGradKernel = Nd4j.zeros(DataType.DOUBLE, O, C, K, K);
        INDArray nGradBias = Nd4j.zeros(DataType.DOUBLE, O);
        Nd4j.getExecutioner().exec(DynamicCustomOp.builder("conv2d_bp")
                .addInputs(x, kernel, bias, r.reshape(B, conv.outHeight(), conv.outWidth(), O))
                .addOutputs(nGradIn, nGradKernel, nGradBias)
                .addIntegerArguments(K, K, 1, 1, padding, padding, 1, 1, 0, 1, 1).build());
        assertEquals(0, nGradIn.distance1(gradIn), 1e-10);
        assertEquals(0, nGradKernel.distance1(gradKernel), 1e-10);
        assertEquals(0, nGradBias.distance1(gradBias), 1e-10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FLOAT", "DOUBLE"})
    void floatAndDoubleAgree(String type) {
        DataType dt = DataType.valueOf(type);
        Conv2d conv = new Conv2d(H, W, C, O, K, 0);
        Rng rng = Rng.of(5);
        INDArray x = gaussian(rng, B, H, W, C);
        INDArray kernel = gaussian(rng, O, C, K, K);
        INDArray bias = gaussian(rng, O);
        long rows = (long) B * conv.positions();
        INDArray out = Nd4j.zeros(dt, rows, O);
        conv.forward(x.castTo(dt), kernel.castTo(dt), bias.castTo(dt), Nd4j.zeros(dt, rows, conv.patchSize()), out);
        INDArray ref = Nd4j.zeros(DataType.DOUBLE, rows, O);
        conv.forward(x, kernel, bias, Nd4j.zeros(DataType.DOUBLE, rows, conv.patchSize()), ref);
        assertEquals(0, out.castTo(DataType.DOUBLE).distance1(ref) / ref.length(), dt == DataType.FLOAT ? 1e-5 : 1e-14);
    }
}
