package org.optbench.workloads.lm;

import java.util.HashMap;
import java.util.Map;

/**
 * A small character language model: an interpolated absolute-discounting n-gram model (Ney, Essen and Kneser, "On
 * structuring probabilistic dependences in stochastic language modelling", 1994), counted from the training text
 * when the workload is built; deterministic, and under a second to train. For a context h of the last
 * {@code order - 1} symbols and its one-shorter suffix h',
 * {@code P(c | h) = max(N(h c) - D, 0) / N(h) + D T(h) / N(h) P(c | h')}, with N the counts, T(h) the number of
 * distinct symbols seen after h and D the discount; an unseen context takes {@code P(c | h')}, and the empty context
 * ends the recursion with add-one counts, so that every symbol has a probability above 0.
 */
public final class CharNgramModel {
    private final int vocabulary;
    private final int order;
    private final double discount;
    /** Per context length 0 .. order - 1: the context's key to its counts, [vocabulary] = total, [+1] = types. */
    private final Map<Long, int[]>[] counts;
    /** The add-one unigram, where every distribution starts: computed once, read for every position. */
    private double[] unigram;

    @SuppressWarnings("unchecked")
    private CharNgramModel(int vocabulary, int order, double discount) {
        this.vocabulary = vocabulary;
        this.order = order;
        this.discount = discount;
        this.counts = new Map[order];
        for (int i = 0; i < order; i++) {
            counts[i] = new HashMap<>();
        }
    }

    /**
     * Counts every n-gram of {@code ids} up to {@code order} symbols.
     *
     * @param ids the training text as symbol ids in [0, vocabulary)
     * @param order n, 1 or more (1: unigram)
     * @param discount D, in (0, 1)
     */
    public static CharNgramModel train(byte[] ids, int vocabulary, int order, double discount) {
        if (order < 1 || !(discount > 0 && discount < 1)) {
            throw new IllegalArgumentException("an n-gram model needs order >= 1 and a discount in (0, 1)");
        }
        CharNgramModel model = new CharNgramModel(vocabulary, order, discount);
        for (int i = 0; i < ids.length; i++) {
            for (int length = 0; length < order && length <= i; length++) {
                int[] row = model.counts[length].computeIfAbsent(key(ids, i - length, i), k -> new int[vocabulary + 2]);
                if (row[ids[i]]++ == 0) {
                    row[vocabulary + 1]++;
                }
                row[vocabulary]++;
            }
        }
        int[] seen = model.counts[0].getOrDefault(0L, new int[vocabulary + 2]);
        model.unigram = new double[vocabulary];
        for (int c = 0; c < vocabulary; c++) {
            model.unigram[c] = (seen[c] + 1.0) / ((double) seen[vocabulary] + vocabulary);
        }
        return model;
    }

    /** n. */
    public int order() {
        return order;
    }

    /**
     * The distribution of the symbol after {@code ids[from, to)} (its last {@code order - 1} symbols count; fewer
     * when the range is shorter), written to {@code out[offset, offset + vocabulary)}.
     */
    public void next(byte[] ids, int from, int to, double[] out, int offset) {
        System.arraycopy(unigram, 0, out, offset, vocabulary);
        int longest = Math.min(order - 1, to - from);
        for (int length = 1; length <= longest; length++) {
            int[] row = counts[length].get(key(ids, to - length, to));
            if (row == null) {
                break; // a longer context containing this one is unseen too
            }
            double n = row[vocabulary];
            double backoff = discount * row[vocabulary + 1] / n;
            for (int c = 0; c < vocabulary; c++) {
                out[offset + c] = Math.max(row[c] - discount, 0) / n + backoff * out[offset + c];
            }
        }
    }

    /** The mean cross-entropy in nats per symbol over {@code ids}, each symbol given up to order - 1 before it. */
    public double crossEntropy(byte[] ids) {
        double[] p = new double[vocabulary];
        double sum = 0;
        for (int i = 0; i < ids.length; i++) {
            next(ids, Math.max(0, i - order + 1), i, p, 0);
            sum -= Math.log(p[ids[i]]);
        }
        return sum / ids.length;
    }

    /**
     * The mean cross-entropy in nats per symbol over a training window's {@code context} targets,
     * {@code ids[start + 1, start + context]}, each given what the transformer is given: the window's symbols before
     * it, of which the last {@code order - 1} count.
     */
    public double windowCrossEntropy(byte[] ids, int start, int context, double[] scratch) {
        double sum = 0;
        for (int j = 0; j < context; j++) {
            int to = start + j + 1;
            next(ids, Math.max(start, to - order + 1), to, scratch, 0);
            sum -= Math.log(scratch[ids[to]]);
        }
        return sum / context;
    }

    /** The size of {@link #windowCrossEntropy}'s scratch array: one distribution. */
    public int vocabulary() {
        return vocabulary;
    }

    /** A context's key: its length and symbols, base vocabulary + 1 so that lengths cannot collide. */
    private static long key(byte[] ids, int from, int to) {
        long key = to - from;
        for (int i = from; i < to; i++) {
            key = key * 64 + ids[i] + 1;
        }
        return key;
    }
}
