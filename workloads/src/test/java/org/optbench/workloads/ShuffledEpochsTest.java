package org.optbench.workloads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.optbench.api.Rng;

class ShuffledEpochsTest {

    /** 10 items in batches of 3: three whole batches an epoch, 9 distinct items, the tenth skipped, then a reshuffle. */
    @Test
    void everyEpochDrawsDistinctItemsInWholeBatches() {
        ShuffledEpochs epochs = new ShuffledEpochs(ShuffledEpochs.range(10), 3, Rng.of(5));
        for (int epoch = 0; epoch < 4; epoch++) {
            Set<Integer> seen = new HashSet<>();
            for (int batch = 0; batch < 3; batch++) {
                int start = epochs.nextStart();
                assertEquals(3 * batch, start);
                for (int i = start; i < start + 3; i++) {
                    seen.add(epochs.order()[i]);
                }
            }
            assertEquals(9, seen.size(), "epoch " + epoch + " repeated an item");
        }
        int[] sorted = epochs.order().clone();
        Arrays.sort(sorted);
        assertArrayEquals(ShuffledEpochs.range(10), sorted, "a shuffle keeps every item");
    }

    @Test
    void theFirstBatchIsAlreadyShuffledAndTheItemsAreCopied() {
        int[] items = ShuffledEpochs.range(50);
        ShuffledEpochs epochs = new ShuffledEpochs(items, 50, Rng.of(1));
        epochs.nextStart();
        assertNotEquals(Arrays.toString(ShuffledEpochs.range(50)), Arrays.toString(epochs.order()));
        assertArrayEquals(ShuffledEpochs.range(50), items);
    }

    @Test
    void aBatchLargerThanTheItemsIsRefused() {
        assertEquals("batch size must be 1 to 4, got 5", assertThrows(IllegalArgumentException.class,
                () -> new ShuffledEpochs(ShuffledEpochs.range(4), 5, Rng.of(0))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ShuffledEpochs(ShuffledEpochs.range(4), 0, Rng.of(0)));
    }
}
