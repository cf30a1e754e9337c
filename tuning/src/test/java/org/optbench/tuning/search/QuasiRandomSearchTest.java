package org.optbench.tuning.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optbench.api.BadInputException;

/**
 * The expected points are printed by tuning/src/test/python/algoperf_halton_reference.py (n = 5 trials, study
 * seed 7), an independent standard-library transcription of AlgoPerf's halton.py with its own MT19937, NumPy
 * legacy algorithms and SplitMix64 shuffle. Log-scaled values may differ from Python's libm exp/log by an ulp;
 * everything else is compared exactly.
 */
class QuasiRandomSearchTest {

    private static final long SEED = 7;

    @Test
    void theStudyShuffleIsSplitMixFisherYatesOverTheTrialIndices() {
        // The script's SplitMix64(7) Fisher-Yates over [0, 5).
        assertArrayEquals(new int[] {2, 4, 1, 3, 0}, QuasiRandomSearch.studyOrder(5, SEED));
    }

    @Test
    void twoDimensionalSpace() {
        SearchSpace space = SearchSpaceReader.read(TestFiles.resource("optbench/two_dimensional_search_space.json"));
        List<Map<String, Object>> expected = List.of(
                Map.of("learning_rate", 0.0002887098430981893, "weight_decay", 0.18039816285987098),
                Map.of("learning_rate", 0.0008928886402997609, "weight_decay", 0.43720946457531),
                Map.of("learning_rate", 0.009601374545456929, "weight_decay", 0.41500966639165715),
                Map.of("learning_rate", 0.0005641669933578826, "weight_decay", 0.23741128092243413),
                Map.of("learning_rate", 0.0003531415952537421, "weight_decay", 0.14306213864190942));
        assertPoints(expected, QuasiRandomSearch.draw(space, 5, SEED), space.names());
    }

    @Test
    void threeDimensionalAlgoPerfMnistSpace() {
        SearchSpace space = SearchSpaceReader.read(TestFiles.resource("algoperf/mnist_tuning_search_space.json"));
        List<Map<String, Object>> expected = List.of(
                Map.of("learning_rate", 0.0003264380984723828, "one_minus_beta_1", 0.9218860746682127,
                        "epsilon", 1e-05),
                Map.of("learning_rate", 0.00021867482734955852, "one_minus_beta_1", 0.9457775312698341,
                        "epsilon", 0.001),
                Map.of("learning_rate", 0.004102837916179185, "one_minus_beta_1", 0.9980795034695658,
                        "epsilon", 0.001),
                Map.of("learning_rate", 0.00022388974765184526, "one_minus_beta_1", 0.9359885294276069,
                        "epsilon", 1e-05),
                Map.of("learning_rate", 0.00018805814126031094, "one_minus_beta_1", 0.9261041856291229,
                        "epsilon", 1e-08));
        assertPoints(expected, QuasiRandomSearch.draw(space, 5, SEED), space.names());
    }

    @Test
    void sevenDimensionalAlgoPerfNadamwSpace() {
        SearchSpace space = SearchSpaceReader.read(TestFiles.resource("algoperf/nadamw_tuning_search_space.json"));
        List<Map<String, Object>> expected = List.of(
                nadamw(0.0009554263254837416, 0.05281759963218209, 0.01950318659958426, 0.1, 0.0),
                nadamw(0.00019766560226064676, 0.040447795913733486, 0.012300240728935494, 0.1, 0.1),
                nadamw(0.0002366315233112939, 0.007676940273940445, 0.358796133013872, 0.2, 0.1),
                nadamw(0.00010054778177688589, 0.005702987383013654, 0.012638327613865154, 0.1, 0.0),
                nadamw(0.0019814680146414726, 0.045677535963609565, 0.010340635370188849, 0.1, 0.0));
        assertPoints(expected, QuasiRandomSearch.draw(space, 5, SEED), space.names());
    }

    @Test
    void thePointSetIsFixedByDimensionsAndTrialsAndOnlyTheOrderDependsOnTheSeed() {
        SearchSpace space = SearchSpaceReader.read(TestFiles.resource("algoperf/nadamw_tuning_search_space.json"));
        List<Map<String, Object>> a = QuasiRandomSearch.draw(space, 20, 1);
        List<Map<String, Object>> b = QuasiRandomSearch.draw(space, 20, 2);
        assertNotEquals(a, b);
        assertEquals(new HashSet<>(a), new HashSet<>(b));
        assertEquals(new HashSet<>(QuasiRandomSearch.drawInSequenceOrder((RangeSpace) space, 20)), new HashSet<>(a));
        assertEquals(a, QuasiRandomSearch.draw(space, 20, 1));
    }

    @Test
    void listFormTakesTheFirstPointsInOrderForEveryStudy() {
        PointListSpace space = (PointListSpace) SearchSpaceReader.read(
                TestFiles.resource("algoperf/qualification_external_tuning_search_space.json"));
        assertEquals(space.points().subList(0, 3), QuasiRandomSearch.draw(space, 3, 1));
        assertEquals(space.points().subList(0, 3), QuasiRandomSearch.draw(space, 3, 99));
        // As AlgoPerf, asking for more trials than points gives all the points.
        assertEquals(space.points(), QuasiRandomSearch.draw(space, 8, 1));
        assertEquals(0.004958460849689891, QuasiRandomSearch.draw(space, 5, 1).get(3).get("learning_rate"));
    }

    @Test
    void feasiblePointsAreChosenByFloorOfUTimesCount() {
        RangeSpace space = new RangeSpace("inline", List.of(new Hyperparameter.FeasiblePoints("k", List.of(1, 2, 3))));
        // d = 1 uses base 991; point 101 = 0*991 + 101 -> perm[101]/991 + shift, mod 1.
        double u = ScrambledHalton.coordinate(991, 101);
        assertEquals(ScrambledHalton.points(1, 1)[0][0], u);
        Object expected = List.of(1, 2, 3).get((int) Math.floor(u * 3));
        assertEquals(expected, QuasiRandomSearch.drawInSequenceOrder(space, 1).get(0).get("k"));
    }

    @Test
    void zeroTrialsIsBadInput() {
        SearchSpace space = SearchSpaceReader.read(TestFiles.resource("algoperf/mnist_tuning_search_space.json"));
        assertThrows(BadInputException.class, () -> QuasiRandomSearch.draw(space, 0, 1));
    }

    private static Map<String, Object> nadamw(double lr, double oneMinusBeta1, double wd, double ls, double dropout) {
        return Map.of("learning_rate", lr, "one_minus_beta1", oneMinusBeta1, "beta2", 0.999, "warmup_factor", 0.05,
                "weight_decay", wd, "label_smoothing", ls, "dropout_rate", dropout);
    }

    private static void assertPoints(List<Map<String, Object>> expected, List<Map<String, Object>> actual,
                                     List<String> names) {
        assertEquals(expected.size(), actual.size());
        for (int p = 0; p < expected.size(); p++) {
            assertEquals(names, new ArrayList<>(actual.get(p).keySet()), "names in the search space's order");
            for (String name : names) {
                Object want = expected.get(p).get(name);
                Object got = actual.get(p).get(name);
                if (want instanceof Double w && got instanceof Double g) {
                    assertTrue(Math.abs(w - g) <= Math.ulp(w), "point " + p + " " + name + ": " + w + " vs " + g);
                } else {
                    assertEquals(want, got, "point " + p + " " + name);
                }
            }
        }
    }
}
