package org.optbench.workloads;

import org.optbench.api.Rng;

/**
 * Training batches drawn without replacement: every epoch is a fresh shuffle of the items, batches are taken from it
 * in order, and a tail too short for a whole batch is skipped. The first call starts the first epoch, so the first
 * shuffle uses the stream's Rng exactly as every later one does.
 */
public final class ShuffledEpochs {
    private final int[] order;
    private final Rng rng;
    private final int batchSize;
    private int position;

    /**
     * @param items the items to draw (example indices, window starts, ...); copied
     * @param batchSize items per batch, 1 to {@code items.length}
     * @param rng the stream's generator, used for nothing else
     */
    public ShuffledEpochs(int[] items, int batchSize, Rng rng) {
        if (batchSize < 1 || batchSize > items.length) {
            throw new IllegalArgumentException("batch size must be 1 to " + items.length + ", got " + batchSize);
        }
        this.order = items.clone();
        this.rng = rng;
        this.batchSize = batchSize;
        this.position = order.length;
    }

    /** {@code 0, 1, ..., n - 1}. */
    public static int[] range(int n) {
        int[] items = new int[n];
        for (int i = 0; i < n; i++) {
            items[i] = i;
        }
        return items;
    }

    /** Where the next batch starts in {@link #order()}, shuffling it first when the epoch has no whole batch left. */
    public int nextStart() {
        if (position + batchSize > order.length) {
            rng.shuffle(order);
            position = 0;
        }
        int start = position;
        position += batchSize;
        return start;
    }

    /** The current epoch's order; the next batch is {@code order()[nextStart() ..+ batchSize]}. */
    public int[] order() {
        return order;
    }
}
