package org.optbench.results.records;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.optbench.api.BadInputException;

/**
 * Writes one trial's directory, AlgoPerf style: {@code hparams.json}, {@code meta_data.json},
 * {@code eval_measurements.csv} (rewritten whole after each evaluation; it is small) and, last, {@code trial.json}.
 * Every file is written to a temp file and renamed into place atomically, so a reader never sees a partial file,
 * and a trial directory is complete exactly when its {@code trial.json} exists.
 *
 * <p>Not thread-safe: one trial loop owns one writer.
 */
public final class TrialRecordWriter {
    /** The hyperparameters file. */
    public static final String HPARAMS_FILE = "hparams.json";
    /** The metadata file (workload spec, seed, hardware, software). */
    public static final String META_DATA_FILE = "meta_data.json";
    /** The spec-and-outcome file; its presence marks the trial complete. */
    public static final String TRIAL_FILE = "trial.json";

    private final Path directory;
    private final List<EvalRow> evals = new ArrayList<>();
    private List<String> header;

    private TrialRecordWriter(Path directory) {
        this.directory = directory;
    }

    /**
     * The trial directory {@code <experiment>/<submission>/study_<study>/<workload>/trial_<trial>}.
     *
     * @param study 0-based
     * @param trial 1-based, as in AlgoPerf
     */
    public static Path trialDirectory(Path experimentDir, String submission, int study, String workload, int trial) {
        return experimentDir.resolve(submission).resolve("study_" + study).resolve(workload).resolve("trial_" + trial);
    }

    /**
     * Creates {@code trialDir} (and its parents) and a writer for it. A {@code trial.json} or
     * {@code eval_measurements.csv} left there by an earlier run is removed, so the directory is incomplete until
     * {@link #complete} writes it again.
     *
     * @throws BadInputException naming the path when the directory cannot be created or written
     */
    public static TrialRecordWriter create(Path trialDir) {
        try {
            Files.createDirectories(trialDir);
            Files.deleteIfExists(trialDir.resolve(TRIAL_FILE));
            Files.deleteIfExists(trialDir.resolve(EvalMeasurementsCsv.FILE_NAME));
        } catch (IOException e) {
            throw new BadInputException("cannot create trial directory " + trialDir + ": " + AtomicFiles.describe(e), e);
        }
        if (!Files.isWritable(trialDir)) {
            throw new BadInputException("trial directory " + trialDir + " is not writable");
        }
        return new TrialRecordWriter(trialDir);
    }

    /** Creates the directory for the given trial under {@code experimentDir}; see {@link #create(Path)}. */
    public static TrialRecordWriter create(Path experimentDir, String submission, int study, String workload,
                                           int trial) {
        return create(trialDirectory(experimentDir, submission, study, workload, trial));
    }

    /** The trial directory this writer fills. */
    public Path directory() {
        return directory;
    }

    /** Writes {@code hparams.json}: the trial's hyperparameters as one JSON object, in the map's order. */
    public void writeHyperParameters(Map<String, ?> hyperparameters) {
        AtomicFiles.writeString(directory.resolve(HPARAMS_FILE), TrialJson.write(Objects.requireNonNull(hyperparameters)));
    }

    /**
     * Writes {@code meta_data.json}: a free-form JSON object (workload spec, seed, hardware, software). Values may
     * be nested maps, lists, strings, numbers, booleans or anything Jackson serialises as JSON.
     */
    public void writeMetaData(Map<String, ?> metaData) {
        AtomicFiles.writeString(directory.resolve(META_DATA_FILE), TrialJson.write(Objects.requireNonNull(metaData)));
    }

    /**
     * Adds one evaluation to {@code eval_measurements.csv}. The first row writes the file with its header; later
     * rows with the same metric columns are appended (a trial's records are staged in a directory that is moved
     * into place only when complete, so an append cut short never reaches a reader); a row with new columns
     * rewrites the file atomically under the wider header.
     */
    public void appendEval(EvalRow row) {
        evals.add(Objects.requireNonNull(row));
        Path csv = directory.resolve(EvalMeasurementsCsv.FILE_NAME);
        if (header != null && header.containsAll(row.metrics().keySet())
                && row.metrics().size() == header.size() - EvalMeasurementsCsv.BOOKKEEPING_COLUMNS.size()) {
            try {
                Files.writeString(csv, EvalMeasurementsCsv.lines(header, List.of(row)), StandardOpenOption.APPEND);
                return;
            } catch (IOException e) {
                throw new BadInputException("cannot append to " + csv + ": " + AtomicFiles.describe(e), e);
            }
        }
        header = EvalMeasurementsCsv.header(evals);
        AtomicFiles.writeString(csv, EvalMeasurementsCsv.format(evals));
    }

    /** The evaluations appended so far, in order. */
    public List<EvalRow> evals() {
        return List.copyOf(evals);
    }

    /**
     * Writes {@code trial.json}, which marks the trial complete; call it last. The record's directory fields are
     * not checked against the path: the caller chose both.
     */
    public void complete(TrialRecord record) {
        if (evals.isEmpty()) {
            // A trial that never evaluated still has a (header-only) CSV, so readers find the same files always.
            AtomicFiles.writeString(directory.resolve(EvalMeasurementsCsv.FILE_NAME), EvalMeasurementsCsv.format(evals));
        }
        AtomicFiles.writeString(directory.resolve(TRIAL_FILE), TrialJson.write(Objects.requireNonNull(record)));
    }
}
