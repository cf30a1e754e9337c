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
 * The names, types and shapes of a model's parameters, in order, and zero tensors of that layout as contiguous
 * views of one flat buffer ({@link Params#viewsOf}); and the fills that initialise them.
 */
public final class ParameterLayout {
    private final List<ParameterSpec> specs = new ArrayList<>();

    /** Adds one tensor; returns its index. */
    public int add(String name, ParameterType type, long... shape) {
        List<Long> s = new ArrayList<>();
        for (long d : shape) {
            s.add(d);
        }
        specs.add(new ParameterSpec(name, type, s));
        return specs.size() - 1;
    }

    /** Adds an {@link Mlp}'s kernels and biases with names prefixed by {@code prefix + "/"}; returns the first index. */
    public int addMlp(String prefix, Mlp mlp) {
        int first = specs.size();
        for (int i = 0; i < mlp.layers(); i++) {
            add(prefix + "/" + Mlp.kernelName(i), ParameterType.WEIGHT, mlp.fanIn(i), mlp.fanOut(i));
            add(prefix + "/" + Mlp.biasName(i), ParameterType.BIAS, mlp.fanOut(i));
        }
        return first;
    }

    /** The specs so far, unmodifiable. */
    public List<ParameterSpec> specs() {
        return List.copyOf(specs);
    }

    /** The total number of scalar parameters. */
    public long numElements() {
        long n = 0;
        for (ParameterSpec s : specs) {
            n += s.numElements();
        }
        return n;
    }

    /** Zero tensors of this layout, views of one flat buffer. */
    public Params zeros(DataType dataType) {
        Params.Builder shapes = Params.builder();
        for (ParameterSpec s : specs) {
            long[] shape = s.shape().stream().mapToLong(Long::longValue).toArray();
            // Small throw-away arrays carry the shapes, once per model; viewsOf lays them over one flat buffer.
            shapes.add(s.name(), s.type(), Nd4j.zeros(dataType, shape));
        }
        return shapes.build().viewsOf(Nd4j.zeros(dataType, Math.max(1, numElements())));
    }

    /** Zero tensors of these names, types and shapes, as consecutive contiguous views of one flat buffer. */
    public static Params zeros(List<ParameterSpec> specs, DataType dataType) {
        Params.Builder shapes = Params.builder();
        long total = 0;
        for (ParameterSpec s : specs) {
            long[] shape = s.shape().stream().mapToLong(Long::longValue).toArray();
            // Throw-away arrays carry the shapes (once per model); viewsOf lays them out over one flat buffer.
            shapes.add(s.name(), s.type(), Nd4j.zeros(dataType, shape));
            total += s.numElements();
        }
        return shapes.build().viewsOf(Nd4j.zeros(dataType, total));
    }

    /** Fills {@code values} with independent normal draws of standard deviation {@code std}, in order. */
    public static void fillNormal(INDArray values, Rng rng, double std) {
        int n = (int) values.length();
        int o = (int) values.offset();
        if (values.dataType() == DataType.FLOAT) {
            FloatBuffer v = values.data().asNioFloat();
            for (int i = 0; i < n; i++) {
                v.put(o + i, (float) (std * rng.nextGaussian()));
            }
        } else {
            DoubleBuffer v = values.data().asNioDouble();
            for (int i = 0; i < n; i++) {
                v.put(o + i, std * rng.nextGaussian());
            }
        }
    }

    /** Sets every entry of {@code values} to {@code value}. */
    public static void fill(INDArray values, double value) {
        int n = (int) values.length();
        int o = (int) values.offset();
        if (values.dataType() == DataType.FLOAT) {
            FloatBuffer v = values.data().asNioFloat();
            for (int i = 0; i < n; i++) {
                v.put(o + i, (float) value);
            }
        } else {
            DoubleBuffer v = values.data().asNioDouble();
            for (int i = 0; i < n; i++) {
                v.put(o + i, value);
            }
        }
    }
}
