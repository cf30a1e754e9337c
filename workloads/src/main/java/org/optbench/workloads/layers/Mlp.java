package org.optbench.workloads.layers;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.ParameterType;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.api.WorkloadInfo.ParameterSpec;

/**
 * A multilayer perceptron's architecture: {@code Dense} layers of the given widths with one activation between
 * them and none after the last. Parameters are named {@code dense_i/kernel} ({@link ParameterType#WEIGHT},
 * {@code [in, out]}) and {@code dense_i/bias} ({@link ParameterType#BIAS}, {@code [out]}), in layer order.
 *
 * @param widths the input width, then each layer's output width, for example {@code [784, 256, 256, 10]}
 * @param activation the nonlinearity after every layer but the last
 */
public record Mlp(List<Integer> widths, Activation activation) {

    /** Copies the widths and checks there is at least one layer of positive width. */
    public Mlp {
        widths = List.copyOf(widths);
        if (widths.size() < 2 || widths.stream().anyMatch(w -> w < 1)) {
            throw new IllegalArgumentException("an MLP needs an input width and at least one layer, all positive, got "
                    + widths);
        }
    }

    /** The number of dense layers. */
    public int layers() {
        return widths.size() - 1;
    }

    /** The input width. */
    public int inputs() {
        return widths.get(0);
    }

    /** The output width (the number of classes). */
    public int outputs() {
        return widths.get(layers());
    }

    /** Layer {@code i}'s input width. */
    public int fanIn(int i) {
        return widths.get(i);
    }

    /** Layer {@code i}'s output width. */
    public int fanOut(int i) {
        return widths.get(i + 1);
    }

    /** The parameters' names, types and shapes, in order. */
    public List<ParameterSpec> parameterSpecs() {
        List<ParameterSpec> specs = new ArrayList<>();
        for (int i = 0; i < layers(); i++) {
            specs.add(new ParameterSpec(kernelName(i), ParameterType.WEIGHT,
                    List.of((long) fanIn(i), (long) fanOut(i))));
            specs.add(new ParameterSpec(biasName(i), ParameterType.BIAS, List.of((long) fanOut(i))));
        }
        return specs;
    }

    /** The total number of scalar parameters. */
    public long numParameters() {
        long n = 0;
        for (int i = 0; i < layers(); i++) {
            n += (long) fanIn(i) * fanOut(i) + fanOut(i);
        }
        return n;
    }

    /** Zero tensors of the right names, types and shapes, as contiguous views of one flat buffer. */
    public Params zeros(DataType dataType) {
        Params.Builder shapes = Params.builder();
        for (int i = 0; i < layers(); i++) {
            // Throw-away arrays carry the shapes (once per model); viewsOf lays them out over one flat buffer.
            shapes.add(kernelName(i), ParameterType.WEIGHT, Nd4j.zeros(dataType, fanIn(i), fanOut(i)));
            shapes.add(biasName(i), ParameterType.BIAS, Nd4j.zeros(dataType, fanOut(i)));
        }
        return shapes.build().viewsOf(Nd4j.zeros(dataType, numParameters()));
    }

    /**
     * Initial parameters: kernels normal with standard deviation {@code sqrt(2 / fan_in)} for ReLU (He et al.
     * 2015) or {@code sqrt(1 / fan_in)} for tanh (LeCun normal), biases zero. Drawn in order from {@code rng}.
     */
    public Params initialParams(Rng rng, DataType dataType) {
        Params params = zeros(dataType);
        for (int i = 0; i < layers(); i++) {
            double gain = activation == Activation.RELU ? 2.0 : 1.0;
            double std = Math.sqrt(gain / fanIn(i));
            INDArray kernel = params.get(kernelName(i));
            int n = (int) kernel.length();
            int o = (int) kernel.offset();
            if (dataType == DataType.FLOAT) {
                FloatBuffer k = kernel.data().asNioFloat();
                for (int j = 0; j < n; j++) {
                    k.put(o + j, (float) (std * rng.nextGaussian()));
                }
            } else {
                DoubleBuffer k = kernel.data().asNioDouble();
                for (int j = 0; j < n; j++) {
                    k.put(o + j, std * rng.nextGaussian());
                }
            }
        }
        return params;
    }

    /** The name of layer {@code i}'s weight matrix. */
    public static String kernelName(int i) {
        return "dense_" + i + "/kernel";
    }

    /** The name of layer {@code i}'s bias. */
    public static String biasName(int i) {
        return "dense_" + i + "/bias";
    }
}
