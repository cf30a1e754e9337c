package org.optbench.workloads.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optbench.workloads.Split;

/** The bundled digits: count, labels, pixel range, and the fixed split. */
class MnistDataTest {
    private static MnistData data;

    @BeforeAll
    static void load() {
        data = MnistData.bundled();
    }

    @Test
    void tenThousandDigitsWithTheLabelsOfTheNpmPackage() {
        assertEquals(10_000, data.count());
        assertEquals(10_000 * 784, data.pixels().length);
        int[] perClass = new int[10];
        for (int i = 0; i < data.count(); i++) {
            perClass[data.label(i)]++;
        }
        // Counted from the package's src/digits/<d>.json (array length / 784), independently of the converter.
        assertArrayEquals(new int[] {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978}, perClass);
    }

    @Test
    void pixelsLookLikeMnist() {
        int min = 255;
        int max = 0;
        double sum = 0;
        for (byte b : data.pixels()) {
            int v = b & 0xff;
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        assertEquals(0, min);
        assertEquals(255, max);
        // MNIST's published mean intensity is 0.1307 (of 1.0); a 10,000-digit sample lands within 0.01 of it.
        assertEquals(0.1307, sum / data.pixels().length / 255, 0.01);
        // The border is background: the corner pixel of every image is 0.
        for (int i = 0; i < data.count(); i++) {
            assertEquals(0, data.pixels()[i * 784]);
        }
    }

    @Test
    void splitsAreDisjointAndCoverEveryDigit() {
        assertEquals(8000, data.train().length);
        assertEquals(1000, data.indices(Split.VALIDATION).length);
        assertEquals(1000, data.indices(Split.TEST).length);
        Set<Integer> seen = new HashSet<>();
        for (int[] part : new int[][] {data.train(), data.validation(), data.test()}) {
            for (int i : part) {
                assertTrue(seen.add(i), "example " + i + " is in two splits");
            }
        }
        assertEquals(10_000, seen.size());
        // The train-evaluation subset is part of the training split.
        Set<Integer> train = new HashSet<>();
        Arrays.stream(data.train()).forEach(train::add);
        for (int i : data.indices(Split.TRAIN)) {
            assertTrue(train.contains(i));
        }
        // Shuffled, so every split holds every class in about its overall share (at least 5% of 1,000).
        for (Split split : Split.values()) {
            int[] counts = new int[10];
            for (int i : data.indices(split)) {
                counts[data.label(i)]++;
            }
            for (int c = 0; c < 10; c++) {
                assertTrue(counts[c] >= 50 && counts[c] <= 160, split + " has " + counts[c] + " of class " + c);
            }
        }
    }

    @Test
    void theSplitIsFixed() {
        MnistData again = MnistData.bundled();
        assertArrayEquals(data.train(), again.train());
        assertArrayEquals(data.validation(), again.validation());
    }
}
