package org.optbench.results.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.api.BadInputException;

class TrialRecordsReadTest {
    @TempDir
    Path root;

    static Path fixture(String relative) throws URISyntaxException {
        return Path.of(TrialRecordsReadTest.class.getResource("/algoperf-v06/" + relative).toURI());
    }

    @Test
    void readsAlgoPerfFilesByHeaderName() throws Exception {
        // AlgoPerf orders columns alphabetically; the first data line of this file reads
        // accumulated_eval_time=908.4769337177275, accumulated_logging_time=0.0,
        // accumulated_submission_time=26.06490731239319, global_step=1, preemption_count=0, ...,
        // total_duration=934.5419485569, ..., validation/bleu=0.0, validation/loss=11.103591918945312
        List<EvalRow> rows = EvalMeasurementsCsv.read(
                fixture("external_tuning/baseline/study_0/wmt_jax/trial_1/eval_measurements.csv"));
        EvalRow first = rows.get(0);
        assertEquals(1, first.globalStep());
        assertEquals(0, first.preemptionCount());
        assertEquals(26.06490731239319, first.submissionSeconds());
        assertEquals(908.4769337177275, first.evalSeconds());
        assertEquals(0.0, first.loggingSeconds());
        assertEquals(934.5419485569, first.totalDurationSeconds());
        assertEquals(11.103591918945312, first.validation("loss"));
        assertEquals(2444, rows.get(1).globalStep());
        assertEquals(10.91917970302653, rows.get(1).validation("bleu"));
    }

    @Test
    void emptyCellIsNaN() throws Exception {
        // Line 4 of this file has empty test/loss, train/loss and validation/loss cells (a diverged evaluation).
        List<EvalRow> rows = EvalMeasurementsCsv.read(
                fixture("external_tuning/shampoo/study_2/criteo1tb_pytorch/trial_3/eval_measurements.csv"));
        assertEquals(239, rows.get(2).globalStep());
        assertTrue(Double.isNaN(rows.get(2).validation("loss")));
        assertFalse(Double.isNaN(rows.get(0).validation("loss")));
    }

    @Test
    void notANumberIsBadInputNamingFileLineAndColumn() throws IOException {
        Path csv = Files.writeString(root.resolve("eval_measurements.csv"),
                "global_step,accumulated_submission_time,validation/loss\n1,0.5,2.0\n2,oops,1.0\n");
        BadInputException e = assertThrows(BadInputException.class, () -> EvalMeasurementsCsv.read(csv));
        assertEquals(csv + " line 3 column accumulated_submission_time: expected a number, got 'oops'", e.getMessage());
    }

    @Test
    void missingClockColumnIsBadInput() throws IOException {
        Path csv = Files.writeString(root.resolve("eval_measurements.csv"), "global_step,validation/loss\n1,2.0\n");
        BadInputException e = assertThrows(BadInputException.class, () -> EvalMeasurementsCsv.read(csv));
        assertEquals(csv + ": no column accumulated_submission_time or score", e.getMessage());
    }

    @Test
    void shortRowIsBadInput() throws IOException {
        Path csv = Files.writeString(root.resolve("eval_measurements.csv"),
                "global_step,score,validation/loss\n1,0.5,2.0\n2,0.7\n");
        BadInputException e = assertThrows(BadInputException.class, () -> EvalMeasurementsCsv.read(csv));
        assertEquals(csv + " line 3: expected 3 cells, found 2", e.getMessage());
    }

    @Test
    void trialJsonMissingAFieldIsBadInputNamingIt() throws IOException {
        Path dir = Files.createDirectories(root.resolve("t"));
        Files.writeString(dir.resolve("trial.json"), "{\"submission\": \"adamw\", \"workload\": \"mnist_mlp\"}");
        BadInputException e = assertThrows(BadInputException.class, () -> TrialRecords.read(dir));
        assertEquals(dir.resolve("trial.json") + ": missing field 'study'", e.getMessage());
    }

    @Test
    void trialJsonWithBadDirectionOrTypeIsBadInputNamingTheField() throws IOException {
        TrialRecordWriter writer = TrialRecordWriter.create(root.resolve("t"));
        writer.complete(TrialRecordWriterTest.record("adamw", "mnist_mlp", 0, 1, null));
        Path json = root.resolve("t/trial.json");
        String good = Files.readString(json);

        Files.writeString(json, good.replace("\"higher\"", "\"up\""));
        BadInputException direction = assertThrows(BadInputException.class, () -> TrialRecords.read(root.resolve("t")));
        assertTrue(direction.getMessage().startsWith(json.toString()), direction.getMessage());
        assertTrue(direction.getMessage().contains("metric_direction"), direction.getMessage());

        Files.writeString(json, good.replace("\"steps\" : 1200", "\"steps\" : \"many\""));
        BadInputException type = assertThrows(BadInputException.class, () -> TrialRecords.read(root.resolve("t")));
        assertTrue(type.getMessage().startsWith(json + ": field 'steps'"), type.getMessage());
        assertFalse(type.getMessage().contains("\n"), type.getMessage());

        Files.writeString(json, "{\"submission\": ");
        BadInputException malformed = assertThrows(BadInputException.class, () -> TrialRecords.read(root.resolve("t")));
        assertTrue(malformed.getMessage().startsWith(json + " line 1: malformed JSON"), malformed.getMessage());
    }

    @Test
    void findingTrialsUnderAMissingRootIsBadInput() {
        BadInputException e = assertThrows(BadInputException.class, () -> TrialRecords.findComplete(root.resolve("nope")));
        assertEquals(root.resolve("nope") + ": not a directory", e.getMessage());
    }
}
