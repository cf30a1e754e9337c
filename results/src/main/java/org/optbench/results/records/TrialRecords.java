package org.optbench.results.records;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.optbench.api.BadInputException;

/** Reads trial directories written by {@link TrialRecordWriter}. */
public final class TrialRecords {
    private TrialRecords() {
    }

    /** Whether {@code dir} holds a complete trial: its {@code trial.json} exists. */
    public static boolean isComplete(Path dir) {
        return Files.isRegularFile(dir.resolve(TrialRecordWriter.TRIAL_FILE));
    }

    /**
     * Reads a complete trial directory: {@code trial.json} and {@code eval_measurements.csv}.
     *
     * @throws BadInputException naming the file (and line or field) when a file is missing or malformed
     */
    public static TrialResult read(Path trialDir) {
        TrialRecord record = TrialJson.readTrialRecord(trialDir.resolve(TrialRecordWriter.TRIAL_FILE));
        List<EvalRow> evals = EvalMeasurementsCsv.read(trialDir.resolve(EvalMeasurementsCsv.FILE_NAME));
        return new TrialResult(record, evals);
    }

    /** Reads {@code trial.json} alone. */
    public static TrialRecord readRecord(Path trialJson) {
        return TrialJson.readTrialRecord(trialJson);
    }

    /** Reads a JSON object file such as {@code hparams.json} or {@code meta_data.json}, keeping its key order. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readJsonObject(Path file) {
        JsonNode node = TrialJson.readObject(file);
        return TrialJson.MAPPER.convertValue(node, Map.class);
    }

    /**
     * Every complete trial directory under {@code root} (at any depth), sorted by path. Directories without
     * {@code trial.json} (trials still running, or killed) are left out.
     *
     * @throws BadInputException when {@code root} is not a readable directory
     */
    public static List<Path> findComplete(Path root) {
        if (!Files.isDirectory(root)) {
            throw new BadInputException(root + ": not a directory");
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.getFileName().toString().equals(TrialRecordWriter.TRIAL_FILE))
                    .filter(Files::isRegularFile)
                    .map(Path::getParent)
                    .sorted()
                    .forEach(found::add);
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException("cannot list " + root + ": " + e.getMessage(), e);
        }
        return found;
    }

    /** Reads every complete trial under {@code root}, in path order. */
    public static List<TrialResult> readAll(Path root) {
        List<TrialResult> results = new ArrayList<>();
        for (Path dir : findComplete(root)) {
            results.add(read(dir));
        }
        return results;
    }
}
