package org.optbench.harness.trial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.optbench.api.BadInputException;
import org.optbench.api.HyperParameters;
import org.optbench.api.Submission;
import org.optbench.harness.hardware.HardwareFingerprint;
import org.optbench.harness.hardware.PeakMemory;
import org.optbench.harness.isolation.TrialRequest;
import org.optbench.harness.isolation.TrialSettings;
import org.optbench.results.records.EvalRow;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialRecordBuilder;
import org.optbench.results.records.TrialRecordWriter;
import org.optbench.workloads.Workload;
import org.optbench.workloads.WorkloadOptions;
import org.optbench.workloads.WorkloadSpec;
import org.optbench.workloads.Workloads;

/**
 * Runs one trial in this JVM and writes its record directory. The records are written into a sibling staging
 * directory ({@code trial_<k>.partial}) and moved into place only when {@code trial.json} is written, so a
 * trial dir is either complete or absent, and a rerun replaces a cut-off trial whole.
 */
public final class TrialRunner {
    /** The suffix of the staging directory a running trial writes into. */
    public static final String STAGING_SUFFIX = ".partial";

    private TrialRunner() {
    }

    /**
     * Runs the trial and writes its records to {@code trialDir}.
     *
     * @return the written {@code trial.json}
     * @throws BadInputException for a user's mistake (unknown names, missing hyperparameters); nothing is left
     *     behind then
     */
    public static TrialRecord run(TrialRequest request, Path trialDir, TrialListener listener) {
        return run(request, trialDir, listener, TrialClock.SYSTEM);
    }

    /** Like {@link #run(TrialRequest, Path, TrialListener)}, on a given clock and workload (for tests). */
    public static TrialRecord run(TrialRequest request, Path trialDir, TrialListener listener, TrialClock clock) {
        Workload workload = Workloads.create(request.spec().workload(), options(request.settings()));
        return run(request, workload, request.settings().loadSubmission(request.spec().submission()), trialDir,
                listener, clock);
    }

    /** Runs a given workload and submission instance (tests use it for instrumented ones). */
    public static TrialRecord run(TrialRequest request, Workload workload, Submission submission, Path trialDir,
                                  TrialListener listener, TrialClock clock) {
        String startedAt = Instant.now().toString();
        WorkloadSpec spec = workload.spec();
        HyperParameters hyperParameters = HyperParameters.of(request.spec().hyperparameters());
        HardwareFingerprint hardware = HardwareFingerprint.probe();
        String hardwareClass = request.settings().hardwareClass() != null ? request.settings().hardwareClass() : hardware.hardwareClass();
        double evalPeriod = request.settings().evalPeriodSeconds() != null ? request.settings().evalPeriodSeconds() : spec.evalPeriodSeconds();

        Path staging = trialDir.resolveSibling(trialDir.getFileName() + STAGING_SUFFIX);
        deleteRecursively(staging);
        TrialRecordWriter writer = TrialRecordWriter.create(staging);
        TrialOutcome outcome;
        try {
            writer.writeHyperParameters(hyperParameters.asMap());
            writer.writeMetaData(metaData(request, spec, hardware, hardwareClass, evalPeriod));
            TrialLoop loop = new TrialLoop(workload, submission, hyperParameters, request.spec().seed(),
                    request.spec().budgetSeconds(), evalPeriod, clock, listener,
                    (evaluation, evalSeconds, loggingSeconds, totalSeconds) -> writer.appendEval(new EvalRow(
                            evaluation.step(), 0, evaluation.submissionSeconds(), evalSeconds, loggingSeconds,
                            totalSeconds, evaluation.metrics())), request.settings().stopAtTargets());
            outcome = loop.run();
        } catch (BadInputException e) {
            deleteRecursively(staging);
            throw e;
        }
        TrialRecord record = new TrialRecordBuilder().submission(submission.name()).workload(spec.name())
                .baseWorkload(spec.base()).study(request.spec().study()).trial(request.spec().trial())
                .seed(request.spec().seed()).hyperparameters(hyperParameters.asMap())
                .budgetSeconds(request.spec().budgetSeconds()).metric(spec.metric()).metricDirection(spec.direction())
                .validationTarget(spec.validationTarget()).testTarget(spec.testTarget()).hardwareClass(hardwareClass)
                .reachedValidationTarget(outcome.reachedValidationTarget())
                .reachedTestTarget(outcome.reachedTestTarget()).timeToTargetSeconds(outcome.timeToTargetSeconds())
                .steps(outcome.steps()).evals(outcome.evaluations().size())
                .submissionSeconds(outcome.submissionSeconds()).evalSeconds(outcome.evalSeconds())
                .loggingSeconds(outcome.loggingSeconds()).wallSeconds(outcome.wallSeconds())
                .stepTimeMedianSeconds(outcome.stepTimeMedianSeconds()).peakRssBytes(PeakMemory.peakRssBytes())
                .stateBytes(outcome.stateBytes()).failure(outcome.failure()).stopReason(outcome.stopReason())
                .optbenchVersion(Software.version()).startedAt(startedAt).build();
        writer.complete(record);
        moveIntoPlace(staging, trialDir);
        return record;
    }

    /** The workload options the settings name. */
    public static WorkloadOptions options(TrialSettings settings) {
        WorkloadOptions defaults = WorkloadOptions.defaults();
        return settings.dataDir() == null ? defaults : defaults.withDataDir(Path.of(settings.dataDir()));
    }

    private static Map<String, Object> metaData(TrialRequest request, WorkloadSpec spec, HardwareFingerprint hardware,
                                                String hardwareClass, double evalPeriod) {
        Map<String, Object> workload = new LinkedHashMap<>();
        workload.put("name", spec.name());
        workload.put("base", spec.base());
        workload.put("metric", spec.metric());
        workload.put("metric_direction", spec.direction().json());
        workload.put("validation_target", spec.validationTarget());
        workload.put("test_target", spec.testTarget());
        workload.put("budget_seconds", spec.budgetSeconds());
        workload.put("eval_period_seconds", evalPeriod);
        workload.put("step_hint", spec.stepHint());
        workload.put("default_batch_size", spec.defaultBatchSize());
        workload.put("loss_type", spec.lossType().name().toLowerCase(java.util.Locale.ROOT));
        workload.put("data_dir", request.settings().dataDir());
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("workload", workload);
        meta.put("submission", request.spec().submission());
        meta.put("study", request.spec().study());
        meta.put("trial", request.spec().trial());
        meta.put("seed", request.spec().seed());
        meta.put("budget_seconds", request.spec().budgetSeconds());
        Map<String, Object> hardwareMap = new LinkedHashMap<>(hardware.asMap());
        hardwareMap.put("hardware_class", hardwareClass);
        meta.put("hardware", hardwareMap);
        meta.put("software", Software.asMap());
        return meta;
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
