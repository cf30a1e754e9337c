package org.optbench.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ParamsTest {

    private static Params twoTensors() {
        return Params.builder()
                .add("dense/kernel", ParameterType.WEIGHT, Nd4j.create(new double[][] {{1, 2, 3}, {4, 5, 6}}))
                .add("dense/bias", ParameterType.BIAS, Nd4j.create(new double[] {7, 8, 9}))
                .build();
    }

    @Test
    void keepsOrderNamesAndTypes() {
        Params p = twoTensors();
        assertEquals(java.util.List.of("dense/kernel", "dense/bias"), p.names());
        assertEquals(ParameterType.BIAS, p.get(1).type());
        assertEquals(9, p.numElements());
        assertEquals(DataType.DOUBLE, p.dataType());
        assertEquals(8.0, p.get("dense/bias").getDouble(1));
    }

    @Test
    void viewsOfFlatBufferShareMemory() {
        Params p = twoTensors();
        INDArray flat = Nd4j.zeros(DataType.DOUBLE, 9);
        Params views = p.viewsOf(flat);
        views.value(1).putScalar(2, 42.0);
        views.value(0).putScalar(new long[] {1, 0}, -1.0);
        // kernel occupies flat[0..6) in C order, bias flat[6..9)
        assertEquals(42.0, flat.getDouble(8));
        assertEquals(-1.0, flat.getDouble(3));
        assertArrayEquals(new long[] {2, 3}, views.value(0).shape());
    }

    @Test
    void copyIsDeepAndEqual() {
        Params p = twoTensors();
        Params c = p.copy();
        assertEquals(p.value(0), c.value(0));
        c.value(0).putScalar(0, 100.0);
        assertEquals(1.0, p.value(0).getDouble(0));
    }

    @Test
    void rejectsDuplicateNamesAndMixedTypes() {
        INDArray a = Nd4j.zeros(DataType.FLOAT, 2);
        assertThrows(IllegalArgumentException.class, () -> Params.builder()
                .add("x", ParameterType.BIAS, a).add("x", ParameterType.BIAS, a).build());
        assertThrows(IllegalArgumentException.class, () -> Params.builder()
                .add("x", ParameterType.BIAS, a).add("y", ParameterType.BIAS, Nd4j.zeros(DataType.DOUBLE, 2)).build());
    }
}
