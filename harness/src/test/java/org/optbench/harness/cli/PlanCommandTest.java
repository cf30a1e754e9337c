package org.optbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PlanCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new PlanCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void printsAlgoPerfsPointsForTheMnistSearchSpace() throws Exception {
        Path space = Path.of(getClass().getResource("/mnist_tuning_search_space.json").toURI());
        assertEquals(0, run("--search-space", space.toString(), "--trials", "5", "--seed", "7"));
        List<LinkedHashMap<String, Object>> points = new ObjectMapper().readValue(out.toString(),
                new TypeReference<>() { });
        // tuning/src/test/python/algoperf_halton_reference.py, "3-d mnist, n=5, seed=7", in study order.
        assertEquals(List.of(1e-05, 0.001, 0.001, 1e-05, 1e-08), points.stream().map(p -> p.get("epsilon")).toList());
        assertEquals(0.9980795034695658, (Double) points.get(2).get("one_minus_beta_1"), 1e-16);
        assertEquals("", err.toString());
    }

    @Test
    void badInputIsExitCodeTwoWithOneLine() throws Exception {
        Path space = dir.resolve("bad.json");
        Files.writeString(space, "{\"lr\": {\"min\": 1e-4, \"max\": 1e-2, \"scaling\": \"exp\"}}");
        assertEquals(2, run("--search-space", space.toString(), "--trials", "3"));
        assertEquals(space + ": hyperparameter 'lr': unknown scaling \"exp\", expected \"log\" or \"linear\""
                + System.lineSeparator(), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void aMissingFileIsBadInput() {
        Path missing = dir.resolve("missing.json");
        assertEquals(2, run("--search-space", missing.toString(), "--trials", "3"));
        assertEquals(missing + ": no such search space file" + System.lineSeparator(), err.toString());
    }

    @Test
    void fewerThanOneTrialIsBadInput() throws Exception {
        Path space = Path.of(getClass().getResource("/mnist_tuning_search_space.json").toURI());
        assertEquals(2, run("--search-space", space.toString(), "--trials", "0"));
        assertEquals("--trials must be at least 1, got 0" + System.lineSeparator(), err.toString());
    }

    @Test
    void aMissingRequiredOptionIsAUsageErrorWithExitCodeTwo() {
        assertEquals(2, run("--trials", "3"));
        assertTrue(err.toString().startsWith("Missing required option: '--search-space=FILE'"), err.toString());
    }
}
