package org.optbench.workloads.autoencoder;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.optbench.api.ParameterType;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.api.WorkloadInfo.ParameterSpec;
import org.optbench.workloads.layers.ParameterLayout;

/**
 * A deep autoencoder of dense layers: {@code widths} from the input through the code to the reconstruction (same
 * width as the input). Every hidden layer has the hidden units except the code layer, which is linear as in Hinton
 * and Salakhutdinov (2006); the output layer gives logits, read through a sigmoid as the reconstruction. Parameters
 * {@code dense_i/kernel} ({@link ParameterType#WEIGHT}, {@code [in, out]}) and {@code dense_i/bias}
 * ({@link ParameterType#BIAS}), in layer order.
 *
 * @param widths for example {@code [784, 512, 256, 64, 256, 512, 784]}
 * @param units the hidden nonlinearity
 */
public record AutoencoderArchitecture(List<Integer> widths, HiddenUnits units) {

    /** Copies the widths; checks the shape is an autoencoder with a narrowest layer inside. */
    public AutoencoderArchitecture {
        widths = List.copyOf(widths);
        if (widths.size() < 3 || widths.stream().anyMatch(w -> w < 1)
                || !widths.get(0).equals(widths.get(widths.size() - 1))) {
            throw new IllegalArgumentException("an autoencoder needs positive widths from the input back to the input "
                    + "width, with a code layer between, got " + widths);
        }
    }

    /** The number of dense layers. */
    public int layers() {
        return widths.size() - 1;
    }

    /** Layer {@code i}'s input width. */
    public int fanIn(int i) {
        return widths.get(i);
    }

    /** Layer {@code i}'s output width. */
    public int fanOut(int i) {
        return widths.get(i + 1);
    }

    /** The index of the code layer: the narrowest output (the first of equals). */
    public int codeLayer() {
        int best = 0;
        for (int i = 1; i < layers() - 1; i++) {
            if (fanOut(i) < fanOut(best)) {
                best = i;
            }
        }
        return best;
    }

    /** Whether layer {@code i}'s output goes through the hidden units (all but the code and output layers). */
    public boolean squashes(int i) {
        return i != codeLayer() && i != layers() - 1;
    }

    /** The parameters' names, types and shapes, in order. */
    public List<ParameterSpec> parameterSpecs() {
        List<ParameterSpec> specs = new ArrayList<>();
        for (int i = 0; i < layers(); i++) {
            specs.add(new ParameterSpec("dense_" + i + "/kernel", ParameterType.WEIGHT,
                    List.of((long) fanIn(i), (long) fanOut(i))));
            specs.add(new ParameterSpec("dense_" + i + "/bias", ParameterType.BIAS, List.of((long) fanOut(i))));
        }
        return specs;
    }

    /** The total number of scalar parameters. */
    public long numParameters() {
        return parameterSpecs().stream().mapToLong(ParameterSpec::numElements).sum();
    }

    /** Zero parameters as contiguous views of one flat buffer. */
    public Params zeros(DataType dataType) {
        return ParameterLayout.zeros(parameterSpecs(), dataType);
    }

    /**
     * Initial parameters: kernels normal with standard deviation {@code sqrt(1 / fan_in)} (LeCun normal), biases
     * zero, drawn in layer order from {@code rng}.
     */
    public Params initialParams(Rng rng, DataType dataType) {
        Params params = zeros(dataType);
        for (int i = 0; i < layers(); i++) {
            ParameterLayout.fillNormal(params.value(2 * i), rng, Math.sqrt(1.0 / fanIn(i)));
        }
        return params;
    }
}
