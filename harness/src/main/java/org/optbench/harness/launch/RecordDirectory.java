package org.optbench.harness.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.optbench.results.records.EvalRow;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialRecordWriter;
import org.optbench.workloads.WorkloadSpec;

/**
 * Writes a trial's record directory: {@code hparams.json}, {@code meta_data.json}, {@code eval_measurements.csv} and,
 * last, {@code trial.json}, into a sibling staging directory ({@code trial_<k>.partial}) that is moved into place
 * whole, so a trial directory is either complete or absent, and a rerun replaces a cut-off trial whole. Only the
 * launcher writes here; the trial JVM cannot even see the directory.
 */
public final class RecordDirectory {
    /** The suffix of the staging directory. */
    public static final String STAGING_SUFFIX = ".partial";

    private RecordDirectory() {
    }

    /**
     * Writes the record of a trial.
     *
     * @param trialDir where it goes
     * @param record its {@code trial.json}
     * @param rows its evaluations
     * @param metaData its {@code meta_data.json}
     */
    public static void write(Path trialDir, TrialRecord record, List<EvalRow> rows, Map<String, Object> metaData) {
        Path staging = staging(trialDir);
        deleteRecursively(staging);
        TrialRecordWriter writer = TrialRecordWriter.create(staging);
        writer.writeHyperParameters(record.hyperparameters());
        writer.writeMetaData(metaData);
        for (EvalRow row : rows) {
            writer.appendEval(row);
        }
        writer.complete(record);
        moveIntoPlace(staging, trialDir);
    }

    /** {@code meta_data.json}: the workload's properties, the trial, the machine and software, how it was timed. */
    public static Map<String, Object> metaData(TrialRequest request, WorkloadSpec spec, MachineFacts machine,
                                               double evalPeriodSeconds, Map<String, Object> launch) {
        Map<String, Object> workload = new LinkedHashMap<>();
        workload.put("name", spec.name());
        workload.put("base", spec.base());
        workload.put("metric", spec.metric());
        workload.put("metric_direction", spec.direction().json());
        workload.put("validation_target", spec.validationTarget());
        workload.put("test_target", spec.testTarget());
        workload.put("budget_seconds", request.spec().budgetSeconds());
        workload.put("eval_period_seconds", evalPeriodSeconds);
        workload.put("step_hint", spec.stepHint());
        workload.put("default_batch_size", spec.defaultBatchSize());
        workload.put("loss_type", spec.lossType().name().toLowerCase(Locale.ROOT));
        workload.put("data_dir", request.settings().dataDir());
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("workload", workload);
        meta.put("submission", request.spec().submission());
        meta.put("submission_jar", request.settings().submissionJar());
        meta.put("study", request.spec().study());
        meta.put("trial", request.spec().trial());
        meta.put("seed", request.spec().seed());
        meta.put("budget_seconds", TrialRecordFactory.effectiveBudget(request));
        meta.put("budget_scale", request.settings().budgetScale());
        meta.put("clock", request.settings().clock().label());
        Map<String, Object> hardware = new LinkedHashMap<>(machine.hardware().asMap());
        hardware.put("hardware_class", request.settings().hardwareClass());
        meta.put("hardware", hardware);
        meta.put("software", machine.software());
        meta.put("launch", launch);
        return meta;
    }

    /** The staging directory of a trial directory. */
    public static Path staging(Path trialDir) {
        return trialDir.resolveSibling(trialDir.getFileName() + STAGING_SUFFIX);
    }

    /** Replaces {@code target} by {@code staging}; the old directory, if any, is removed after the move. */
    public static void moveIntoPlace(Path staging, Path target) {
        try {
            Path old = null;
            if (Files.exists(target)) {
                old = target.resolveSibling(target.getFileName() + ".replaced-" + System.nanoTime());
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            if (old != null) {
                deleteRecursively(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + staging + " to " + target, e);
        }
    }

    /** Deletes a directory tree if it exists. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
