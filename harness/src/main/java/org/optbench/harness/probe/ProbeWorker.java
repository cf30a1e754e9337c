package org.optbench.harness.probe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.optbench.api.Submission;
import org.optbench.harness.catalog.SubmissionCatalog;
import org.optbench.harness.trial.StepProbe;
import org.optbench.workloads.Workloads;

/** The speed probe's measurement, in its own JVM ({@code optbench probe-worker}): optbench's own code only. */
public final class ProbeWorker {
    /** The optimizer the probe trains with: the calibration baselines' common ancestor, at its default point. */
    static final String OPTIMIZER = "adamw";

    private ProbeWorker() {
    }

    /** Median CPU seconds of a step of each workload. */
    public static Map<String, Double> measure(List<String> workloads) {
        Map<String, Double> figures = new LinkedHashMap<>();
        for (String name : workloads) {
            Submission adamw = SubmissionCatalog.create(OPTIMIZER);
            figures.put(name, StepProbe.medianStepSeconds(Workloads.create(name), adamw,
                    adamw.defaultHyperParameters(), SpeedProbe.WARMUP, SpeedProbe.WARMUP_SECONDS, SpeedProbe.MEASURED,
                    SpeedProbe.MEASURED_SECONDS));
        }
        return figures;
    }
}
