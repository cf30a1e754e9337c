package org.optbench.workloads.lm;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.optbench.api.Batch;
import org.optbench.api.BatchStream;
import org.optbench.api.Candidates;
import org.optbench.api.Rng;
import org.optbench.workloads.Workloads;

/** sotu_lm_slm's data-selection hook: candidates drawn as batches would be, scored by the small model's loss. */
class ExampleScoresTest {
    private static final SotuText TEXT = SotuText.bundled(SotuLm.TRANSFORMER.context());
    private static final int CONTEXT = TEXT.context();
    private static final CharNgramModel TRIGRAM = CharNgramModel.train(TEXT.train().ids(),
            SotuText.VOCABULARY.length(), 3, 0.75); // sotu_lm_slm's small model, as documented

    /** The window each row of a batch holds, found by its text: inputs and targets must both match the text. */
    private static int[] windowsOf(Batch batch) {
        Map<String, Integer> byText = new HashMap<>();
        byte[] ids = TEXT.train().ids();
        for (int start : TEXT.train().windowStarts()) {
            byText.putIfAbsent(new String(ids, start, CONTEXT + 1, ISO_8859_1),
                    start);
        }
        double[] in = batch.inputs().dup().data().asDouble();
        double[] out = batch.targets().dup().data().asDouble();
        int[] starts = new int[batch.size()];
        for (int r = 0; r < batch.size(); r++) {
            byte[] window = new byte[CONTEXT + 1];
            for (int t = 0; t < CONTEXT; t++) {
                window[t] = (byte) in[r * CONTEXT + t];
                if (t + 1 < CONTEXT) {
                    assertEquals(in[r * CONTEXT + t + 1], out[r * CONTEXT + t], "targets are the inputs shifted");
                }
            }
            window[CONTEXT] = (byte) out[r * CONTEXT + CONTEXT - 1];
            Integer start = byText.get(new String(window, ISO_8859_1));
            assertTrue(start != null, "row " + r + " is a training window");
            starts[r] = start;
        }
        return starts;
    }

    /** The small model's loss on a window, by its distribution at each position (the history it reads by hand). */
    private static double smallModelLoss(int start) {
        byte[] ids = TEXT.train().ids();
        double[] p = new double[SotuText.VOCABULARY.length()];
        double sum = 0;
        for (int j = 0; j < CONTEXT; j++) {
            // position j reads inputs[0..j]; a trigram uses the last two of them, or the one there is at j = 0
            int from = j == 0 ? start : start + j - 1;
            TRIGRAM.next(ids, from, start + j + 1, p, 0);
            sum += -Math.log(p[ids[start + j + 1]]);
        }
        return sum / CONTEXT;
    }

    @Test
    void candidatesAreTheNextBatchesOfTheStreamScoredByTheSmallModel() {
        BatchStream plain = Workloads.create("sotu_lm_slm").trainingStream(16, Rng.of(5));
        BatchStream scored = Workloads.create("sotu_lm_slm").trainingStream(16, Rng.of(5));
        assertTrue(scored.scoresExamples());
        for (int round = 0; round < 3; round++) {
            Candidates candidates = scored.candidates(64);
            assertEquals(64, candidates.size());
            for (int b = 0; b < 4; b++) {
                int[] expected = windowsOf(plain.next());
                int[] chosen = new int[16];
                for (int r = 0; r < 16; r++) {
                    chosen[r] = b * 16 + r;
                }
                int[] starts = windowsOf(candidates.select(chosen));
                assertArrayEquals(expected, starts, "round " + round + ", batch " + b);
                for (int r = 0; r < 16; r++) {
                    assertEquals(smallModelLoss(starts[r]), candidates.score(b * 16 + r), 1e-12);
                }
            }
        }
    }

    @Test
    void selectTakesTheChosenCandidatesInOrder() {
        BatchStream twin = Workloads.create("sotu_lm_slm").trainingStream(4, Rng.of(9));
        BatchStream stream = Workloads.create("sotu_lm_slm").trainingStream(4, Rng.of(9));
        int[] all = new int[8];
        System.arraycopy(windowsOf(twin.next()), 0, all, 0, 4);
        System.arraycopy(windowsOf(twin.next()), 0, all, 4, 4);
        Candidates candidates = stream.candidates(8);
        assertArrayEquals(new int[] {all[7], all[0], all[7], all[3]}, windowsOf(candidates.select(7, 0, 7, 3)));
        assertThrows(IllegalArgumentException.class, () -> candidates.select(1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> candidates.select(1, 2, 3, 8));
        assertThrows(IllegalArgumentException.class, () -> stream.candidates(6));
        assertThrows(IllegalArgumentException.class, () -> stream.candidates(0));
    }

    @Test
    void scoresAverageToTheSmallModelsLossOnTheTrainingText() {
        // One epoch of candidates is every window once, in some order: their mean score is the model's loss on the
        // windows' targets, which differs from its loss on the whole running text only at each window's first
        // position (one symbol of history instead of two) and at the few characters no window covers.
        int[] starts = TEXT.train().windowStarts();
        BatchStream stream = Workloads.create("sotu_lm_slm").trainingStream(16, Rng.of(1));
        Candidates candidates = stream.candidates(16 * (starts.length / 16));
        double sum = 0;
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int i = 0; i < candidates.size(); i++) {
            sum += candidates.score(i);
            min = Math.min(min, candidates.score(i));
            max = Math.max(max, candidates.score(i));
        }
        double running = TRIGRAM.crossEntropy(TEXT.train().ids());
        assertEquals(running, sum / candidates.size(), 0.03, "mean score against the running text's loss");
        assertTrue(max - min > 0.5, "windows differ in difficulty: " + min + " to " + max);
    }

    @Test
    void workloadsWithoutAScoringModelOfferNoCandidates() {
        for (String name : new String[] {"sotu_lm", "mnist_mlp", "sotu_lm_stragglers"}) {
            BatchStream stream = Workloads.create(name).trainingStream(8, Rng.of(1));
            assertFalse(stream.scoresExamples(), name);
            assertThrows(UnsupportedOperationException.class, () -> stream.candidates(8), name);
        }
    }
}
