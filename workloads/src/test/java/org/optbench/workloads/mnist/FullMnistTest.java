package org.optbench.workloads.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optbench.workloads.Split;

/** The full MNIST the build fetches: LeCun's published class counts, pixel statistics and AlgoPerf's split. */
class FullMnistTest {
    private static MnistData data;

    @BeforeAll
    static void load() {
        data = MnistData.full();
    }

    @Test
    void seventyThousandDigitsWithMnistsPublishedClassCounts() {
        assertEquals(70_000, data.count());
        int[] train = new int[10];
        for (int i = 0; i < 60_000; i++) {
            train[data.label(i)]++;
        }
        int[] test = new int[10];
        for (int i = 60_000; i < 70_000; i++) {
            test[data.label(i)]++;
        }
        // The class counts of MNIST's training and t10k sets, as published with the data set.
        assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949}, train);
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, test);
    }

    @Test
    void meanIntensityIsMnistsPublishedOne() {
        double sum = 0;
        int n = 60_000 * MnistData.PIXELS;
        for (int i = 0; i < n; i++) {
            sum += data.pixels()[i] & 0xff;
        }
        // The mean training pixel is 0.1307 (of 1.0), the constant every MNIST normalisation uses.
        assertEquals(0.1307, sum / n / 255, 5e-5);
    }

    @Test
    void readOncePerJvm() {
        assertSame(data, MnistData.full(), "every mnist_mlp workload of a JVM shares the one copy");
    }

    @Test
    void splitIsAlgoPerfs() {
        assertEquals(50_000, data.train().length);
        assertEquals(0, data.train()[0]);
        assertEquals(49_999, data.train()[49_999]);
        int[] validation = data.indices(Split.VALIDATION);
        assertEquals(10_000, validation.length);
        assertEquals(50_000, validation[0]);
        assertEquals(59_999, validation[9_999]);
        int[] test = data.indices(Split.TEST);
        assertEquals(10_000, test.length);
        assertEquals(60_000, test[0]);
        // The train-evaluation subset is as large as the validation split.
        assertEquals(10_000, data.indices(Split.TRAIN).length);
    }
}
