package org.optbench.submissions.selection;

import java.util.Arrays;

import org.optbench.api.Batch;
import org.optbench.api.BatchStream;
import org.optbench.api.Candidates;

/**
 * The baseline data selection: from {@code pool} batches' worth of candidates keep the batch of the highest scores
 * (for {@code sotu_lm_slm}, the windows its small model finds hardest), ties to the earlier candidate. A pool of 1,
 * or a workload without scores, takes the stream's batches as they come: uniform sampling without replacement.
 * The pool's candidates not kept are passed over for this epoch, so a pool of k sees the training set k times
 * faster than it trains on it.
 */
public final class TopScoreSelection {
    private final int pool;
    private int[] chosen;
    private boolean[] taken;

    /** @param pool candidates per batch slot, 1 or more */
    public TopScoreSelection(int pool) {
        if (pool < 1) {
            throw new IllegalArgumentException("data selection pool must be at least 1, got " + pool);
        }
        this.pool = pool;
    }

    /** Candidates per batch slot. */
    public int pool() {
        return pool;
    }

    /** This step's batch from {@code stream}. */
    public Batch select(BatchStream stream) {
        if (pool == 1 || !stream.scoresExamples()) {
            return stream.next();
        }
        int k = stream.batchSize();
        Candidates candidates = stream.candidates(pool * k);
        if (chosen == null || chosen.length != k) {
            chosen = new int[k];
            taken = new boolean[pool * k];
        }
        Arrays.fill(taken, false);
        // k passes of a linear scan: no allocation in the timed step, and pools are small (k * pool * k compares).
        for (int r = 0; r < k; r++) {
            int best = -1;
            for (int i = 0; i < candidates.size(); i++) {
                if (!taken[i] && (best < 0 || candidates.score(i) > candidates.score(best))) {
                    best = i;
                }
            }
            taken[best] = true;
            chosen[r] = best;
        }
        return candidates.select(chosen);
    }
}
