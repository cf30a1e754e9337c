package org.optbench.harness.trial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.api.BadInputException;
import org.optbench.api.Batch;
import org.optbench.api.BatchStream;
import org.optbench.api.Candidates;
import org.optbench.api.HyperParameters;
import org.optbench.api.Rng;
import org.optbench.api.Submission;
import org.optbench.harness.catalog.SubmissionSource;
import org.optbench.harness.jar.JarFixtures;
import org.optbench.submissions.baselines.AdamW;
import org.optbench.workloads.Workload;
import org.optbench.workloads.Workloads;

/**
 * The baseline data selection (a built-in's {@code data_selection_pool}) and the template's example of the hook,
 * on sotu_lm_slm's real stream: each step's batch is the candidates of the highest scores, found here by sorting.
 */
class DataSelectionTest {
    private static final int BATCH = 16;

    /** The batches a top-k selection from {@code pool} batches of candidates must give, by a full sort. */
    private static double[][] expectedTopK(Workload workload, int pool, int steps) {
        BatchStream twin = workload.trainingStream(BATCH, Rng.of(21));
        double[][] batches = new double[steps][];
        for (int s = 0; s < steps; s++) {
            Candidates c = twin.candidates(pool * BATCH);
            int[] top = IntStream.range(0, c.size()).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> -c.score(i)).thenComparingInt(i -> i))
                    .limit(BATCH).mapToInt(Integer::intValue).toArray();
            batches[s] = c.select(top).inputs().dup().data().asDouble();
        }
        return batches;
    }

    private static void assertSelects(Submission submission, HyperParameters point, Workload workload,
                                      double[][] expected) {
        submission.init(workload.info(), workload.initialParams(Rng.of(1)), point, Rng.of(2));
        BatchStream stream = workload.trainingStream(BATCH, Rng.of(21));
        for (int s = 0; s < expected.length; s++) {
            Batch batch = submission.selectData(stream, null);
            assertArrayEquals(expected[s], batch.inputs().dup().data().asDouble(), 0.0, "step " + s);
        }
    }

    @Test
    void aBuiltInsPoolKeepsTheHighestScoredCandidates() {
        Workload slm = Workloads.create("sotu_lm_slm");
        AdamW adamw = new AdamW();
        assertSelects(adamw, adamw.defaultHyperParameters().with(Map.of("data_selection_pool", 4)), slm,
                expectedTopK(slm, 4, 5));
    }

    @Test
    void theTemplatesExampleKeepsTheHighestScoredCandidates(@TempDir Path work) {
        Workload slm = Workloads.create("sotu_lm_slm");
        Submission lion = SubmissionSource.load(JarFixtures.templateJar(work).toString());
        assertSelects(lion, lion.defaultHyperParameters().with(Map.of("data_selection_pool", 3)), slm,
                expectedTopK(slm, 3, 5));
    }

    @Test
    void withoutScoresOrWithAPoolOfOneTheBatchesComeAsTheStreamGivesThem() {
        for (String name : new String[] {"sotu_lm_slm", "sotu_lm"}) {
            Workload workload = Workloads.create(name);
            BatchStream plain = workload.trainingStream(BATCH, Rng.of(21));
            double[][] expected = new double[4][];
            for (int s = 0; s < 4; s++) {
                expected[s] = plain.next().inputs().dup().data().asDouble();
            }
            AdamW adamw = new AdamW();
            int pool = name.equals("sotu_lm") ? 4 : 1; // sotu_lm scores nothing: a pool there is uniform too
            assertSelects(adamw, adamw.defaultHyperParameters().with(Map.of("data_selection_pool", pool)), workload,
                    expected);
        }
    }

    @Test
    void aPoolThatIsNotAWholeNumberFromOneIsRefusedByName() {
        Workload slm = Workloads.create("sotu_lm_slm");
        for (Object bad : new Object[] {0, 2.5, 2000}) {
            AdamW adamw = new AdamW();
            BadInputException e = assertThrows(BadInputException.class, () -> adamw.init(slm.info(),
                    slm.initialParams(Rng.of(1)), adamw.defaultHyperParameters().with(Map.of("data_selection_pool",
                            bad)), Rng.of(2)));
            assertEquals(true, e.getMessage().contains("data_selection_pool"), e.getMessage());
        }
    }
}
