package org.optbench.harness.launch;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.optbench.harness.trial.TrialListener;
import org.optbench.results.records.TrialRecord;
import org.optbench.workloads.WorkloadSpec;
import org.optbench.workloads.Workloads;

/**
 * The record of a trial whose launcher itself was lost (a cluster task cancelled, out of time or on a failed node
 * before it wrote anything): written by whoever handed the trial out, through the same {@link TrialRecordFactory}
 * as every other record, so that the trial shows up as failed with a reason instead of missing.
 */
public final class LostTrial {
    private LostTrial() {
    }

    /** Writes a failed record for {@code request} into {@code trialDir}. */
    public static TrialRecord write(TrialRequest request, Path trialDir, String reason) {
        WorkloadSpec spec = Workloads.spec(request.spec().workload());
        TrialObservation nothing = new TrialObservation(spec, request.settings().stopAtTargets(), TrialListener.NONE);
        TrialMeasurements unknown = new TrialMeasurements(0, Double.NaN, -1, null, null, 0, "unknown");
        TrialRecord record = TrialRecordFactory.build(request, spec, nothing, unknown, reason, Instant.now().toString());
        Double override = request.settings().evalPeriodSeconds();
        RecordDirectory.write(trialDir, record, nothing.rows(), RecordDirectory.metaData(request, spec,
                MachineFacts.here(), override != null ? override : spec.evalPeriodSeconds(), Map.of("lost", reason)));
        return record;
    }
}
