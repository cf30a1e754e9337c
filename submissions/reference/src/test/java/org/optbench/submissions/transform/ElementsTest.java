package org.optbench.submissions.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Params;

class ElementsTest {
    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void loopsAddressViewsAtTheirOffsets(DataType type) {
        // given two tensors that are views of one flat buffer, the second at offset 6
        Params a = TinyModel.params(type, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        Params b = TinyModel.params(type, 10, 20, 30, 40, 50, 60, 70, 80, 90);

        // when the loops touch the bias only
        Elements.addScaled(a.value(1), b.value(1), 0.5);
        Elements.scale(a.value(0), -1);

        // then the bias entries, and only they, moved
        assertArrayEquals(new double[] {-1, -2, -3, -4, -5, -6, 42, 48, 54}, TinyModel.values(a), 0);
        assertEquals(7 * 7 + 8 * 8 + 9 * 9, Elements.sumOfSquares(b.value(1)) / 100, 1e-9);
        assertEquals(6L, a.value(1).offset());
    }

    @Test
    void manyMoreBuffersThanCachedViewsStillLandInTheRightPlace() {
        // 6000 separate buffers overflow the 4096-slot view cache; every one must still be walked correctly
        int count = 6000;
        INDArray[] arrays = new INDArray[count];
        for (int k = 0; k < count; k++) {
            arrays[k] = Nd4j.valueArrayOf(new long[] {3}, (float) k, DataType.FLOAT);
        }
        for (int round = 0; round < 2; round++) {
            for (int k = 0; k < count; k++) {
                Elements.scale(arrays[k], 2);
            }
        }
        for (int k = 0; k < count; k++) {
            assertEquals(4.0 * k, arrays[k].getDouble(2), 0, "array " + k);
            assertEquals(3 * 16.0 * k * k, Elements.sumOfSquares(arrays[k]), 1e-6 * (1 + k * k), "array " + k);
        }
    }
}
