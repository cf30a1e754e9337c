package org.optbench.tuning.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.api.BadInputException;
import org.optbench.tuning.search.Hyperparameter.FeasiblePoints;
import org.optbench.tuning.search.Hyperparameter.LinearRange;
import org.optbench.tuning.search.Hyperparameter.LogRange;

class SearchSpaceReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsAlgoPerfsNadamwSearchSpaceUnchanged() {
        RangeSpace space = assertInstanceOf(RangeSpace.class,
                SearchSpaceReader.read(TestFiles.resource("algoperf/nadamw_tuning_search_space.json")));
        assertEquals(List.of(
                new LogRange("learning_rate", 1e-4, 1e-2),
                new LogRange("one_minus_beta1", 4e-3, 0.1),
                new FeasiblePoints("beta2", List.of(0.999)),
                new FeasiblePoints("warmup_factor", List.of(0.05)),
                new LogRange("weight_decay", 5e-3, 1.0),
                new FeasiblePoints("label_smoothing", List.of(0.1, 0.2)),
                new FeasiblePoints("dropout_rate", List.of(0.0, 0.1))), space.hyperparameters());
    }

    @Test
    void readsTheOtherAlgoPerfRangeFiles() {
        SearchSpace mnist = SearchSpaceReader.read(TestFiles.resource("algoperf/mnist_tuning_search_space.json"));
        assertEquals(List.of("learning_rate", "one_minus_beta_1", "epsilon"), mnist.names());
        SearchSpace nesterov = SearchSpaceReader.read(TestFiles.resource("algoperf/nesterov_tuning_search_space.json"));
        assertEquals(8, nesterov.names().size());
        assertEquals("end_factor", nesterov.names().get(7));
        // Integer feasible points stay integers, as Python's json keeps them.
        RangeSpace cifar = (RangeSpace) SearchSpaceReader.read(
                TestFiles.resource("algoperf/cifar_development_tuning_search_space.json"));
        assertEquals(new FeasiblePoints("warmup_epochs", List.of(5)), cifar.hyperparameters().get(1));
        RangeSpace two = (RangeSpace) SearchSpaceReader.read(
                TestFiles.resource("optbench/two_dimensional_search_space.json"));
        assertEquals(new LinearRange("weight_decay", 0.0, 0.5), two.hyperparameters().get(1));
    }

    @Test
    void readsTheListFormWithARepeatedKeyAsPythonDoes() {
        PointListSpace space = assertInstanceOf(PointListSpace.class, SearchSpaceReader.read(
                TestFiles.resource("algoperf/qualification_external_tuning_search_space.json")));
        assertEquals(5, space.points().size());
        List<String> names = List.of("dropout_rate", "label_smoothing", "learning_rate", "one_minus_beta1", "beta2",
                "weight_decay", "warmup_factor");
        assertEquals(names, space.names());
        // Point 1 gives label_smoothing twice (0.1 then 0.2): Python's json keeps the first position, last value.
        Map<String, Object> second = space.points().get(1);
        assertEquals(names, List.copyOf(second.keySet()));
        assertEquals(0.2, second.get("label_smoothing"));
        assertEquals(0.0008445074561975979, second.get("learning_rate"));
    }

    @Test
    void listPointsAreReorderedToTheFirstPointsNames() {
        SearchSpace space = SearchSpaceReader.parse("[{\"a\": 1, \"b\": \"x\"}, {\"b\": \"y\", \"a\": 2.5}]", "p.json");
        Map<String, Object> second = ((PointListSpace) space).points().get(1);
        assertEquals(List.of("a", "b"), List.copyOf(second.keySet()));
        assertEquals(2.5, second.get("a"));
        assertEquals(1, ((PointListSpace) space).points().get(0).get("a"));
    }

    @Test
    void mistakesAreOneLineNamingTheFileAndTheHyperparameter() {
        assertBad("{\"lr\": {\"min\": 1e-4, \"max\": 1e-2, \"scaling\": \"exp\"}}",
                "space.json: hyperparameter 'lr': unknown scaling \"exp\", expected \"log\" or \"linear\"");
        assertBad("{\"lr\": {\"min\": 0.1, \"max\": 0.01, \"scaling\": \"linear\"}}",
                "space.json: hyperparameter 'lr': min 0.1 is above max 0.01");
        assertBad("{\"lr\": {\"min\": 0.0, \"max\": 0.01, \"scaling\": \"log\"}}",
                "space.json: hyperparameter 'lr': a log range needs min > 0, got min 0.0");
        assertBad("{\"lr\": {\"min\": -1, \"max\": 0.01, \"scaling\": \"log\"}}",
                "space.json: hyperparameter 'lr': a log range needs min > 0, got min -1.0");
        assertBad("{\"wd\": {\"feasible_points\": []}}",
                "space.json: hyperparameter 'wd': feasible_points must not be empty");
        assertBad("{\"lr\": {\"min\": \"1e-4\", \"max\": 1e-2, \"scaling\": \"log\"}}",
                "space.json: hyperparameter 'lr': min must be a number, got the string \"1e-4\"");
        assertBad("{\"lr\": {\"min\": 1e-4, \"max\": 1e-2}}",
                "space.json: hyperparameter 'lr': missing scaling, expected \"log\" or \"linear\"");
        assertBad("{\"lr\": {\"min\": 1e-4, \"max\": 1e-2, \"scaling\": 3}}",
                "space.json: hyperparameter 'lr': scaling must be \"log\" or \"linear\", got number 3");
        assertBad("{\"lr\": {\"min\": 1e-4, \"max\": 1e-2, \"scalling\": \"log\"}}",
                "space.json: hyperparameter 'lr': unknown field 'scalling', expected min, max and scaling, "
                        + "or feasible_points");
        assertBad("{\"lr\": 0.001}",
                "space.json: hyperparameter 'lr': expected an object with min, max and scaling, or with feasible_points");
        assertBad("{\"wd\": {\"feasible_points\": [0.1, [0.2]]}}",
                "space.json: hyperparameter 'wd': feasible_points must be a number, a string or a boolean, got a list");
        assertBad("{\"wd\": {\"feasible_points\": 0.1}}",
                "space.json: hyperparameter 'wd': feasible_points must be a list, got number 0.1");
        assertBad("{}", "space.json: the search space has no hyperparameters");
        assertBad("[]", "space.json: the list of points is empty");
        assertBad("[{\"lr\": 0.1}, {\"lr\": 0.2, \"wd\": 0.1}]",
                "space.json: point 1 has hyperparameters [lr, wd], expected those of point 0: [lr]");
        assertBad("[{\"lr\": null}]",
                "space.json: point 0: hyperparameter 'lr' must be a number, a string or a boolean, got null");
        assertBad("\"lr\"", "space.json: expected a JSON object of hyperparameter ranges or a list of points, got string");
    }

    @Test
    void malformedJsonAndMissingFilesAreBadInput() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"lr\": {\"min\": 1e-4,\n \"max\": }");
        BadInputException e = assertThrows(BadInputException.class, () -> SearchSpaceReader.read(broken));
        assertTrue(e.getMessage().startsWith(broken + ": not valid JSON ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("at line 2)"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        BadInputException trailing = assertThrows(BadInputException.class,
                () -> SearchSpaceReader.parse("{\"lr\": {\"feasible_points\": [1]}} {\"wd\": 2}", "two.json"));
        assertTrue(trailing.getMessage().startsWith("two.json: not valid JSON ("), trailing.getMessage());
        Path missing = dir.resolve("missing.json");
        assertEquals(missing + ": no such search space file",
                assertThrows(BadInputException.class, () -> SearchSpaceReader.read(missing)).getMessage());
    }

    private static void assertBad(String json, String message) {
        BadInputException e = assertThrows(BadInputException.class, () -> SearchSpaceReader.parse(json, "space.json"));
        assertEquals(message, e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
