package org.optbench.results.scoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * All trials read from one input, before steps 2 and 3.
 *
 * @param trials every trial's first hit
 * @param baseWorkloads the base workloads, in order
 * @param variantToBase each held-out variant's base
 * @param source names the input, for error messages
 */
public record TrialSet(List<TrialOutcome> trials, List<String> baseWorkloads, Map<String, String> variantToBase,
                       String source) {

    /** Copies into unmodifiable collections. */
    public TrialSet {
        trials = List.copyOf(trials);
        baseWorkloads = List.copyOf(baseWorkloads);
        variantToBase = Collections.unmodifiableMap(new LinkedHashMap<>(variantToBase));
    }

    /** Per-workload times under AlgoPerf's best-trial rule. */
    public ScoringInput times() {
        return WorkloadTimes.collect(trials, baseWorkloads, variantToBase, source);
    }

    /** Per-workload times under another best-trial rule (for comparing rules). */
    public ScoringInput times(Function<List<TargetHit>, TargetHit> bestTrial) {
        return WorkloadTimes.collect(trials, baseWorkloads, variantToBase, source, bestTrial);
    }
}
