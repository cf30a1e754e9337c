package org.optbench.workloads.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.optbench.api.BadInputException;
import org.optbench.api.Batch;
import org.optbench.api.BatchStream;
import org.optbench.api.ParameterType;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.api.MetricDirection;
import org.optbench.workloads.Split;
import org.optbench.workloads.Workload;
import org.optbench.workloads.WorkloadOptions;
import org.optbench.workloads.Workloads;

/** The bundled text, the windows, the registered workloads, determinism and the initial loss. */
class SotuLmTest {
    private static final SotuText TEXT = SotuText.bundled(64);

    private static String decode(byte[] ids, int from, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < from + length; i++) {
            s.append(SotuText.VOCABULARY.charAt(ids[i]));
        }
        return s.toString();
    }

    @Test
    void bundledTextHasTheDocumentedSizesAndContent() {
        assertEquals(53, SotuText.VOCABULARY.length());
        assertEquals(1_772_501, TEXT.train().ids().length);
        assertEquals(190_205, TEXT.text(Split.VALIDATION).ids().length);
        assertEquals(178_986, TEXT.text(Split.TEST).ids().length);
        assertEquals(50, TEXT.train().addresses());
        assertEquals(6, TEXT.text(Split.VALIDATION).addresses());
        assertEquals(6, TEXT.text(Split.TEST).addresses());
        // The first training address is Eisenhower's of January 1961, the first validation one Johnson's of 1964.
        assertEquals("to the congress of the united states: once again", decode(TEXT.train().ids(), 0, 48));
        assertEquals("mr. speaker, mr. president", decode(TEXT.text(Split.VALIDATION).ids(), 0, 26));
    }

    @Test
    void windowsFitTheirSplitAndDoNotOverlap() {
        // Counted independently from the bundled file (python: sum over addresses of (length - 1) // 64).
        assertEquals(27_666, TEXT.train().windows());
        assertEquals(2_970, TEXT.text(Split.VALIDATION).windows());
        assertEquals(2_793, TEXT.text(Split.TEST).windows());
        for (Split split : Split.values()) {
            SotuText.SplitText s = TEXT.text(split);
            int[] starts = s.windowStarts();
            // Each address loses fewer than 65 characters to its last partial window.
            assertTrue(starts.length <= (s.ids().length - 1) / 64);
            assertTrue(starts.length >= (s.ids().length - 65 * s.addresses()) / 64);
            for (int i = 0; i < starts.length; i++) {
                assertTrue(starts[i] + 65 <= s.ids().length);
                if (i > 0) {
                    assertTrue(starts[i] - starts[i - 1] >= 64);
                }
            }
            int[] eval = TEXT.evaluationWindows(split, SotuLm.EVAL_WINDOWS);
            assertEquals(SotuLm.EVAL_WINDOWS, eval.length);
            for (int i = 1; i < eval.length; i++) {
                assertTrue(eval[i] > eval[i - 1]);
            }
        }
    }

    @Test
    void aCharacterOutsideTheVocabularyIsBadInput() throws IOException {
        BadInputException e = assertThrows(BadInputException.class,
                () -> SotuText.read(gzip("1961\tx\ttrain\tHello\n"), "sotu.tsv.gz", 4));
        assertTrue(e.getMessage().contains("sotu.tsv.gz line 1") && e.getMessage().contains("'H'"), e.getMessage());
        e = assertThrows(BadInputException.class,
                () -> SotuText.read(gzip("1961\tx\tdev\thello\n"), "sotu.tsv.gz", 4));
        assertTrue(e.getMessage().contains("split 'dev'"), e.getMessage());
        assertThrows(BadInputException.class, () -> SotuText.read(gzip("1961\thello\n"), "sotu.tsv.gz", 4));
    }

    private static ByteArrayInputStream gzip(String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(content.getBytes(StandardCharsets.US_ASCII));
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    @Test
    void parametersHaveTheHandCountedShapesAndTypes() {
        TransformerLm lm = SotuLm.TRANSFORMER;
        // Embeddings 53*64 + 64*64; per block: 2 LayerNorms (4*64), qkv 64*192 + 192, out 64*64 + 64,
        // MLP 64*256 + 256 + 256*64 + 64; final LayerNorm 2*64; head 64*53 + 53.
        long perBlock = 4 * 64 + 64 * 192 + 192 + 64 * 64 + 64 + 64 * 256 + 256 + 256 * 64 + 64;
        long expected = 53 * 64 + 64 * 64 + 2 * perBlock + 2 * 64 + 64 * 53 + 53;
        assertEquals(111_029, expected);
        assertEquals(expected, lm.numParameters());
        Workload w = Workloads.create("sotu_lm");
        assertEquals(expected, w.info().numParameters());
        assertEquals(2 + 2 * 12 + 4, w.info().parameters().size());
        assertEquals(ParameterType.EMBEDDING, w.info().parameters().get(0).type());
        assertEquals(ParameterType.NORM_SCALE, w.info().parameters().get(2).type());
        assertEquals(ParameterType.NORM_BIAS, w.info().parameters().get(3).type());
        assertEquals(ParameterType.WEIGHT, w.info().parameters().get(4).type());
        assertEquals(ParameterType.BIAS, w.info().parameters().get(5).type());
        assertEquals("head/kernel", w.info().parameters().get(28).name());
        assertEquals(TEXT.train().windows(), w.info().trainExamples());
        assertEquals(MetricDirection.LOWER, w.spec().direction());
        assertEquals("cross_entropy", w.spec().metric());
        assertEquals("sotu_lm", Workloads.create("sotu_lm_postln").spec().base());
        assertEquals("sotu_lm", Workloads.create("sotu_lm_relu").spec().base());
    }

    @Test
    void sameSeedGivesTheSameInitAndBatchesAndTargetsAreShiftedInputs() {
        Workload w = Workloads.create("sotu_lm");
        Params a = w.initialParams(Rng.of(3));
        Params b = w.initialParams(Rng.of(3));
        Params c = w.initialParams(Rng.of(4));
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.value(i), b.value(i));
        }
        assertFalse(a.value(0).equals(c.value(0)));
        assertEquals(1.0, a.get("block_1/ln_2/scale").getDouble(5), 0);
        BatchStream s1 = w.trainingStream(8, Rng.of(9));
        BatchStream s2 = w.trainingStream(8, Rng.of(9));
        for (int step = 0; step < 3; step++) {
            Batch x = s1.next();
            Batch y = s2.next();
            assertArrayEquals(x.inputs().toDoubleMatrix(), y.inputs().toDoubleMatrix());
            assertArrayEquals(x.targets().toDoubleMatrix(), y.targets().toDoubleMatrix());
            for (int r = 0; r < 8; r++) {
                for (int t = 0; t + 1 < 64; t++) {
                    assertEquals(x.inputs().getDouble(r, t + 1), x.targets().getDouble(r, t), 0);
                }
            }
        }
    }

    @Test
    void initialLossIsNearTheUniformLossAndFloatAgreesWithDouble() {
        Workload f = Workloads.create("sotu_lm");
        Workload d = Workloads.create("sotu_lm", WorkloadOptions.defaults().withDataType(DataType.DOUBLE));
        Map<String, Double> mf = f.evaluate(f.initialParams(Rng.of(0)), Split.VALIDATION);
        Map<String, Double> md = d.evaluate(d.initialParams(Rng.of(0)), Split.VALIDATION);
        // Initial logits are about 0.02 * |h| = 0.16 in size: close to uniform over 53 symbols, ln 53 = 3.970.
        assertEquals(Math.log(53), md.get("cross_entropy"), 0.05);
        assertEquals(md.get("loss"), md.get("cross_entropy"), 0);
        assertEquals(Math.exp(md.get("cross_entropy")), md.get("perplexity"), 1e-12);
        assertEquals(md.get("cross_entropy"), mf.get("cross_entropy"), 1e-5);
    }
}
