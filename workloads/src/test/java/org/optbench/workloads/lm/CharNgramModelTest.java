package org.optbench.workloads.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.optbench.workloads.Split;

class CharNgramModelTest {
    @Test
    void aBigramOfAbabByHand() {
        // Symbols a = 0, b = 1, c = 2; text "abab"; order 2, D = 1/2.
        // Unigram with add-one: (2 + 1, 2 + 1, 0 + 1) / (4 + 3) = (3/7, 3/7, 1/7).
        // After "a" (seen twice, both times followed by b; one type): P(b | a) = (2 - 1/2) / 2 + (1/2 * 1 / 2) 3/7,
        // P(a | a) = 1/4 * 3/7, P(c | a) = 1/4 * 1/7.
        CharNgramModel model = CharNgramModel.train(new byte[] {0, 1, 0, 1}, 3, 2, 0.5);
        double[] p = new double[3];
        model.next(new byte[] {0}, 0, 1, p, 0);
        assertArrayEquals(new double[] {0.25 * 3 / 7, 0.75 + 0.25 * 3 / 7, 0.25 / 7}, p, 1e-15);
        model.next(new byte[] {2}, 0, 1, p, 0); // "c" was never seen: the unigram
        assertArrayEquals(new double[] {3.0 / 7, 3.0 / 7, 1.0 / 7}, p, 1e-15);
        model.next(new byte[] {}, 0, 0, p, 0);
        assertArrayEquals(new double[] {3.0 / 7, 3.0 / 7, 1.0 / 7}, p, 1e-15);
    }

    @Test
    void onTheAddressesEachDistributionSumsToOneAndALongerContextPredictsHeldOutTextBetter() {
        SotuText text = SotuText.bundled(SotuLm.TRANSFORMER.context());
        byte[] train = text.train().ids();
        byte[] validation = text.text(Split.VALIDATION).ids();
        int v = SotuText.VOCABULARY.length();
        CharNgramModel five = CharNgramModel.train(train, v, 5, 0.75);
        double[] p = new double[v];
        for (int i = 10; i < 2000; i += 37) {
            five.next(validation, i - 4, i, p, 0);
            double sum = 0;
            for (double x : p) {
                assertTrue(x > 0);
                sum += x;
            }
            assertEquals(1.0, sum, 1e-12);
        }
        double unigram = CharNgramModel.train(train, v, 1, 0.75).crossEntropy(validation);
        double bigram = CharNgramModel.train(train, v, 2, 0.75).crossEntropy(validation);
        double trigram = CharNgramModel.train(train, v, 3, 0.75).crossEntropy(validation);
        double fiveGram = five.crossEntropy(validation);
        System.out.printf("held-out cross-entropy (nats/char): unigram %.4f, bigram %.4f, trigram %.4f, 5-gram %.4f%n",
                unigram, bigram, trigram, fiveGram);
        assertTrue(fiveGram < trigram && trigram < bigram && bigram < unigram, unigram + " " + bigram + " " + trigram
                + " " + fiveGram);
        // The unigram's entropy bound from below: no model of these 53 symbols does better than 0 or worse than ln 53.
        assertTrue(unigram < Math.log(v));
    }
}
