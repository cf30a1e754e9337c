package org.optbench.harness.launch;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.optbench.api.HyperParameters;
import org.optbench.api.Submission;
import org.optbench.harness.catalog.SubmissionSource;
import org.optbench.harness.hardware.PeakMemory;
import org.optbench.harness.trial.TrialClock;
import org.optbench.harness.trial.TrialListener;
import org.optbench.harness.trial.TrialLoop;
import org.optbench.results.records.TrialRecord;
import org.optbench.workloads.Workload;
import org.optbench.workloads.WorkloadOptions;
import org.optbench.workloads.WorkloadSpec;
import org.optbench.workloads.Workloads;

/**
 * A trial in this JVM, unconfined: for tests and {@code run --in-process} (debugging a submission). Its record is
 * made exactly as a launched trial's ({@link TrialRecordFactory}), from the same events.
 */
public final class InProcessTrial {
    private InProcessTrial() {
    }

    /** Runs the request's trial here and writes its record directory. */
    public static TrialRecord run(TrialRequest request, Path trialDir, TrialListener listener) {
        Workload workload = Workloads.create(request.spec().workload(), options(request.settings()));
        Submission submission = SubmissionSource.load(request.settings().submissionJar() != null
                ? request.settings().submissionJar() : request.spec().submission(), request.settings().submissionClass());
        return run(request, workload, submission, trialDir, listener, TrialClock.SYSTEM);
    }

    /** Runs a given workload and submission instance on a given clock (tests use it for instrumented ones). */
    public static TrialRecord run(TrialRequest request, Workload workload, Submission submission, Path trialDir,
                                  TrialListener listener, TrialClock clock) {
        String startedAt = Instant.now().toString();
        WorkloadSpec spec = workload.spec();
        TrialObservation observation = new TrialObservation(spec, request.settings().stopAtTargets(), listener);
        Double loadStart = LoadAverage.oneMinute();
        long wallStart = System.nanoTime();
        new TrialLoop(workload, submission, HyperParameters.of(request.spec().hyperparameters()),
                request.spec().seed(), loopSettings(request, spec), clock, observation).run();
        TrialMeasurements measured = new TrialMeasurements((System.nanoTime() - wallStart) / 1e9, Double.NaN,
                PeakMemory.peakRssBytes(), loadStart, LoadAverage.oneMinute(), 0, "none");
        TrialRecord record = TrialRecordFactory.build(request, spec, observation, measured, null, startedAt);
        RecordDirectory.write(trialDir, record, observation.rows(), RecordDirectory.metaData(request, spec,
                MachineFacts.here(), loopSettings(request, spec).evalPeriodSeconds(), Map.of("in_process", true)));
        return record;
    }

    /** The workload options the settings name. */
    public static WorkloadOptions options(TrialSettings settings) {
        WorkloadOptions defaults = WorkloadOptions.defaults();
        return settings.dataDir() == null ? defaults : defaults.withDataDir(Path.of(settings.dataDir()));
    }

    /** The loop's budget (scaled for this machine), eval period and clock. */
    static TrialLoop.Settings loopSettings(TrialRequest request, WorkloadSpec spec) {
        Double override = request.settings().evalPeriodSeconds();
        return new TrialLoop.Settings(TrialRecordFactory.effectiveBudget(request),
                override != null ? override : spec.evalPeriodSeconds(), request.settings().clock());
    }
}
