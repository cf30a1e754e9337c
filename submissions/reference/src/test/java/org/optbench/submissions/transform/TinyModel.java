package org.optbench.submissions.transform;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.ParameterType;
import org.optbench.api.Params;

/**
 * A 2x3 weight matrix and a bias of 3, as consecutive views of one flat buffer (so the bias sits at a nonzero
 * offset, as in a real model), read and written as plain double arrays: entries 0..5 are the matrix in C order,
 * 6..8 the bias.
 */
public final class TinyModel {
    /** The number of scalar parameters. */
    public static final int SIZE = 9;

    private TinyModel() {
    }

    /** Parameters holding {@code values}, in {@code type}. */
    public static Params params(DataType type, double... values) {
        if (values.length != SIZE) {
            throw new IllegalArgumentException("need " + SIZE + " values");
        }
        Params layout = Params.builder()
                .add("dense/kernel", ParameterType.WEIGHT, Nd4j.zeros(type, 2, 3))
                .add("dense/bias", ParameterType.BIAS, Nd4j.zeros(type, 3))
                .build();
        Params params = layout.viewsOf(Nd4j.zeros(type, SIZE));
        write(params, values);
        return params;
    }

    /** Overwrites the parameters with {@code values}. */
    public static void write(Params params, double... values) {
        for (int i = 0; i < 6; i++) {
            params.value(0).putScalar(new long[] {i / 3, i % 3}, values[i]);
        }
        for (int i = 0; i < 3; i++) {
            params.value(1).putScalar(i, values[6 + i]);
        }
    }

    /** The parameters as a plain array. */
    public static double[] values(Params params) {
        double[] out = new double[SIZE];
        for (int i = 0; i < 6; i++) {
            out[i] = params.value(0).getDouble(i / 3, i % 3);
        }
        for (int i = 0; i < 3; i++) {
            out[6 + i] = params.value(1).getDouble(i);
        }
        return out;
    }
}
