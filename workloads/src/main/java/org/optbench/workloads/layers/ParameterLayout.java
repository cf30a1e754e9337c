package org.optbench.workloads.layers;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.api.WorkloadInfo.ParameterSpec;

/** Parameters laid out from their specs over one flat buffer, and the fills that initialise them. */
public final class ParameterLayout {
    private ParameterLayout() {
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
