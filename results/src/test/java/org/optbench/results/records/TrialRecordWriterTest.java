package org.optbench.results.records;

import org.optbench.api.MetricDirection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.api.BadInputException;

class TrialRecordWriterTest {
    @TempDir
    Path root;

    static Map<String, Double> metrics(double trainLoss, double validationAccuracy, double testAccuracy) {
        // Deliberately not in split order: the writer groups columns train, validation, test.
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("validation/accuracy", validationAccuracy);
        m.put("train/loss", trainLoss);
        m.put("test/accuracy", testAccuracy);
        m.put("validation/loss", trainLoss + 0.25);
        m.put("test/loss", trainLoss + 0.5);
        m.put("train/accuracy", validationAccuracy + 0.01);
        return m;
    }

    static TrialRecord record(String submission, String workload, int study, int trial, Double timeToTarget) {
        Map<String, Object> hparams = new LinkedHashMap<>();
        hparams.put("learning_rate", 0.001);
        hparams.put("warmup_steps", 100);
        hparams.put("schedule", "cosine");
        return new TrialRecordBuilder().submission(submission).workload(workload).study(study).trial(trial)
                .seed(42L + trial).hyperparameters(hparams).budgetSeconds(60.0).metric("accuracy")
                .metricDirection(MetricDirection.HIGHER).validationTarget(0.97).testTarget(0.965)
                .hardwareClass("cpu-2core").reachedValidationTarget(timeToTarget != null)
                .timeToTargetSeconds(timeToTarget).steps(1200L).evals(3).submissionSeconds(31.5)
                .evalSeconds(4.25).loggingSeconds(0.125).wallSeconds(40.0).stepTimeMedianSeconds(0.0245)
                .peakRssBytes(1_500_000_000L).stateBytes(2_152_000L).stopReason(StopReason.BUDGET)
                .optbenchVersion("0.1.0-SNAPSHOT").startedAt("2026-11-27T02:30:00Z").build();
    }

    @Test
    void roundTripGivesBackWhatWasWritten() {
        TrialRecordWriter writer = TrialRecordWriter.create(root, "adamw", 0, "mnist_mlp", 1);
        assertEquals(root.resolve("adamw/study_0/mnist_mlp/trial_1"), writer.directory());
        Map<String, Object> hparams = Map.of("learning_rate", 0.001);
        writer.writeHyperParameters(hparams);
        writer.writeMetaData(Map.of("seed", 43, "hardware", Map.of("cpus", 2)));
        List<EvalRow> rows = List.of(
                new EvalRow(1, 0, 0.5, 1.0, 0.01, 1.6, metrics(2.3, 0.11, 0.1)),
                new EvalRow(500, 0, 15.25, 2.0, 0.02, 18.0, metrics(0.4, 0.95, 0.94)),
                new EvalRow(1000, 1, 30.75, 3.0, 0.03, 35.0, metrics(Double.NaN, 0.975, Double.POSITIVE_INFINITY)));
        rows.forEach(writer::appendEval);
        TrialRecord record = record("adamw", "mnist_mlp", 0, 1, 30.75);
        writer.complete(record);

        TrialResult back = TrialRecords.read(writer.directory());
        assertEquals(record, back.record());
        assertEquals(rows, back.evals());
        assertTrue(Double.isNaN(back.evals().get(2).train("loss")));
        assertEquals(Double.POSITIVE_INFINITY, back.evals().get(2).test("accuracy"));
        assertEquals(Map.of("learning_rate", 0.001),
                TrialRecords.readJsonObject(writer.directory().resolve(TrialRecordWriter.HPARAMS_FILE)));
        assertEquals(Map.of("seed", 43, "hardware", Map.of("cpus", 2)),
                TrialRecords.readJsonObject(writer.directory().resolve(TrialRecordWriter.META_DATA_FILE)));
    }

    @Test
    void trialJsonUsesSnakeCaseNamesAndNullForMissingValues() throws IOException {
        TrialRecordWriter writer = TrialRecordWriter.create(root.resolve("t"));
        writer.complete(record("adamw", "mnist_mlp", 2, 3, null));
        JsonNode json = new ObjectMapper().readTree(root.resolve("t/trial.json").toFile());
        assertEquals("adamw", json.get("submission").asText());
        assertTrue(json.get("base_workload").isNull());
        assertTrue(json.get("time_to_target_seconds").isNull());
        assertTrue(json.get("failure").isNull());
        assertEquals("higher", json.get("metric_direction").asText());
        assertEquals("budget", json.get("stop_reason").asText());
        assertEquals(2, json.get("study").asInt());
        assertEquals(3, json.get("trial").asInt());
        assertEquals(0.97, json.get("validation_target").asDouble());
        assertEquals(1_500_000_000L, json.get("peak_rss_bytes").asLong());
        assertEquals("2026-11-27T02:30:00Z", json.get("started_at").asText());
        assertEquals(0.001, json.get("hyperparameters").get("learning_rate").asDouble());
        assertFalse(json.get("reached_validation_target").asBoolean());
    }

    @Test
    void csvColumnsAreAlgoPerfNamesInOptbenchOrder() throws IOException {
        TrialRecordWriter writer = TrialRecordWriter.create(root.resolve("t"));
        writer.appendEval(new EvalRow(7, 0, 1.5, 0.5, 0.0, 2.5, metrics(1.0, 0.5, 0.25)));
        List<String> lines = Files.readAllLines(root.resolve("t/eval_measurements.csv"));
        assertEquals("global_step,preemption_count,score,total_duration,accumulated_submission_time,"
                + "accumulated_eval_time,accumulated_logging_time,train/loss,train/accuracy,"
                + "validation/accuracy,validation/loss,test/accuracy,test/loss", lines.get(0));
        // score and accumulated_submission_time both carry the submission clock.
        assertEquals("7,0,1.5,2.5,1.5,0.5,0.0,1.0,0.51,0.5,1.25,0.25,1.5", lines.get(1));
        assertEquals(2, lines.size());
    }

    @Test
    void everyWriteLeavesNoTempFileAndOnlyCompleteTrialsAreFound() throws IOException {
        TrialRecordWriter done = TrialRecordWriter.create(root, "adamw", 0, "mnist_mlp", 1);
        done.writeHyperParameters(Map.of("learning_rate", 0.01));
        done.writeMetaData(Map.of("seed", 1));
        for (int i = 0; i < 5; i++) {
            done.appendEval(new EvalRow(i * 10, 0, i, 0, 0, i, metrics(1, 0.5, 0.5)));
        }
        done.complete(record("adamw", "mnist_mlp", 0, 1, null));

        TrialRecordWriter running = TrialRecordWriter.create(root, "adamw", 0, "mnist_mlp", 2);
        running.writeHyperParameters(Map.of("learning_rate", 0.02));
        running.appendEval(new EvalRow(1, 0, 1, 0, 0, 1, metrics(1, 0.5, 0.5)));

        try (Stream<Path> files = Files.walk(root)) {
            List<String> names = files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of("eval_measurements.csv", "eval_measurements.csv", "hparams.json", "hparams.json",
                    "meta_data.json", "trial.json"), names);
        }
        assertEquals(List.of(done.directory()), TrialRecords.findComplete(root));
        assertFalse(TrialRecords.isComplete(running.directory()));
        assertEquals(5, TrialRecords.readAll(root).get(0).evals().size());
    }

    @Test
    void filesGetTheUsualPermissionsNotTempFileOwnerOnlyOnes() throws IOException {
        Assumptions.assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("posix"));
        TrialRecordWriter writer = TrialRecordWriter.create(root.resolve("t"));
        writer.complete(record("adamw", "mnist_mlp", 0, 1, null));
        Path plain = Files.writeString(root.resolve("t/plain.txt"), "x");
        assertEquals(Files.getPosixFilePermissions(plain),
                Files.getPosixFilePermissions(root.resolve("t/trial.json")));
    }

    @Test
    void recreatingATrialDirectoryMakesItIncompleteAgain() {
        TrialRecordWriter first = TrialRecordWriter.create(root.resolve("t"));
        first.complete(record("adamw", "mnist_mlp", 0, 1, null));
        assertTrue(TrialRecords.isComplete(root.resolve("t")));
        TrialRecordWriter.create(root.resolve("t"));
        assertFalse(TrialRecords.isComplete(root.resolve("t")));
    }

    @Test
    void trialWithoutEvaluationsStillHasAHeaderOnlyCsv() {
        TrialRecordWriter writer = TrialRecordWriter.create(root.resolve("t"));
        writer.complete(record("adamw", "mnist_mlp", 0, 1, null));
        assertEquals(List.of(), TrialRecords.read(root.resolve("t")).evals());
    }

    @Test
    void unwritableOutputDirectoryIsBadInputNamingThePath() throws IOException {
        // A regular file where a directory should be: fails for root too, unlike permission bits.
        Path blocker = Files.writeString(root.resolve("blocker"), "x");
        BadInputException e = assertThrows(BadInputException.class,
                () -> TrialRecordWriter.create(blocker.resolve("adamw/study_0")));
        assertTrue(e.getMessage().contains(blocker.resolve("adamw/study_0").toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
