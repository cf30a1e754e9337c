package org.optbench.workloads.cnn;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.optbench.api.ParameterType;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.api.WorkloadInfo.ParameterSpec;
import org.optbench.workloads.layers.Activation;
import org.optbench.workloads.layers.Conv2d;
import org.optbench.workloads.layers.MaxPool2d;
import org.optbench.workloads.layers.ParameterLayout;

/**
 * A small convolutional network on {@code side x side} single-channel images: blocks of "valid" {@code k x k}
 * convolution (stride 1), optional LayerNorm over channels, the activation and 2x2 max pooling; then a dense hidden
 * layer (optional LayerNorm, activation) and a dense layer to the class logits.
 *
 * <p>Parameters in order: per block {@code conv_i/kernel} ({@link ParameterType#CONV_WEIGHT}, {@code [out, in, k,
 * k]}), then {@code conv_i/bias} ({@link ParameterType#BIAS}) or, with LayerNorm, {@code conv_i/norm_scale} and
 * {@code conv_i/norm_shift} ({@link ParameterType#NORM_SCALE}, {@link ParameterType#NORM_BIAS}) in its place (a bias
 * before a normalisation would have zero gradient); then {@code dense_0/kernel}, {@code dense_0/bias} (or the
 * norm pair), {@code dense_1/kernel}, {@code dense_1/bias}.
 *
 * @param side the image side (28 for MNIST)
 * @param channels the output channels of each convolution block, for example {@code [16, 32]}
 * @param kernelSize the convolution kernel side
 * @param hidden the width of the dense hidden layer
 * @param classes the number of classes
 * @param activation the nonlinearity after every convolution and the hidden layer
 * @param layerNorm whether LayerNorm precedes each activation (and replaces the bias)
 */
public record CnnArchitecture(int side, List<Integer> channels, int kernelSize, int hidden, int classes,
                              Activation activation, boolean layerNorm) {

    /** Copies the channel list and checks that the blocks fit the image. */
    public CnnArchitecture {
        channels = List.copyOf(channels);
        if (channels.isEmpty() || hidden < 1 || classes < 2) {
            throw new IllegalArgumentException("a CNN needs a convolution block, a hidden layer and two classes");
        }
        int s = side;
        for (int i = 0; i < channels.size(); i++) {
            s = (s - kernelSize + 1) / 2;
        }
        if (s < 1) {
            throw new IllegalArgumentException(channels.size() + " blocks of kernel " + kernelSize
                    + " do not fit a side of " + side);
        }
    }

    /** The convolution of block {@code i}, with its geometry. */
    public Conv2d conv(int i) {
        int s = side;
        int in = 1;
        for (int j = 0; j < i; j++) {
            s = (s - kernelSize + 1) / 2;
            in = channels.get(j);
        }
        return new Conv2d(s, s, in, channels.get(i), kernelSize, 0);
    }

    /** The pooling of block {@code i}. */
    public MaxPool2d pool(int i) {
        Conv2d c = conv(i);
        return new MaxPool2d(c.outHeight(), c.outWidth(), c.outChannels(), 2);
    }

    /** The number of convolution blocks. */
    public int blocks() {
        return channels.size();
    }

    /** The features entering the dense head: the last pooling's output per example. */
    public int flatFeatures() {
        return pool(blocks() - 1).outputSize();
    }

    /** The parameters' names, types and shapes, in order. */
    public List<ParameterSpec> parameterSpecs() {
        List<ParameterSpec> specs = new ArrayList<>();
        for (int i = 0; i < blocks(); i++) {
            Conv2d c = conv(i);
            specs.add(new ParameterSpec("conv_" + i + "/kernel", ParameterType.CONV_WEIGHT,
                    List.of((long) c.outChannels(), (long) c.inChannels(), (long) kernelSize, (long) kernelSize)));
            addBiasOrNorm(specs, "conv_" + i, c.outChannels());
        }
        specs.add(new ParameterSpec("dense_0/kernel", ParameterType.WEIGHT, List.of((long) flatFeatures(),
                (long) hidden)));
        addBiasOrNorm(specs, "dense_0", hidden);
        specs.add(new ParameterSpec("dense_1/kernel", ParameterType.WEIGHT, List.of((long) hidden, (long) classes)));
        specs.add(new ParameterSpec("dense_1/bias", ParameterType.BIAS, List.of((long) classes)));
        return specs;
    }

    private void addBiasOrNorm(List<ParameterSpec> specs, String layer, int width) {
        if (layerNorm) {
            specs.add(new ParameterSpec(layer + "/norm_scale", ParameterType.NORM_SCALE, List.of((long) width)));
            specs.add(new ParameterSpec(layer + "/norm_shift", ParameterType.NORM_BIAS, List.of((long) width)));
        } else {
            specs.add(new ParameterSpec(layer + "/bias", ParameterType.BIAS, List.of((long) width)));
        }
    }

    /** Zero parameters as contiguous views of one flat buffer. */
    public Params zeros(DataType dataType) {
        return ParameterLayout.zeros(parameterSpecs(), dataType);
    }

    /**
     * Initial parameters: kernels normal with standard deviation {@code sqrt(2 / fan_in)} for ReLU (He et al. 2015)
     * or {@code sqrt(1 / fan_in)} otherwise (LeCun normal), fan_in = {@code in * k * k} for convolutions; biases and
     * norm shifts zero, norm scales one. Drawn in parameter order from {@code rng}.
     */
    public Params initialParams(Rng rng, DataType dataType) {
        Params params = zeros(dataType);
        double gain = activation == Activation.RELU ? 2.0 : 1.0;
        for (Params.Param p : params) {
            switch (p.type()) {
                case CONV_WEIGHT -> {
                    long[] s = p.shape();
                    ParameterLayout.fillNormal(p.value(), rng, Math.sqrt(gain / (s[1] * s[2] * s[3])));
                }
                case WEIGHT -> {
                    boolean logits = p.name().equals("dense_1/kernel");
                    double g = logits ? 1.0 : gain;
                    ParameterLayout.fillNormal(p.value(), rng, Math.sqrt(g / p.shape()[0]));
                }
                case NORM_SCALE -> ParameterLayout.fill(p.value(), 1.0);
                default -> {
                    // biases and norm shifts start at zero
                }
            }
        }
        return params;
    }

    /** The total number of scalar parameters. */
    public long numParameters() {
        return parameterSpecs().stream().mapToLong(ParameterSpec::numElements).sum();
    }
}
