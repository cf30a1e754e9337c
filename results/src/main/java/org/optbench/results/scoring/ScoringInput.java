package org.optbench.results.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optbench.api.BadInputException;

/**
 * What the scorer needs: per-workload times and which columns are base workloads and which are held-out variants.
 *
 * @param times seconds to target per submission and workload or variant (steps 1 to 3 done)
 * @param baseWorkloads the base workloads that enter the profile; n, the profile's denominator, is their count
 * @param variantToBase each held-out variant's base workload
 * @param studies per submission and workload, each study's best trial (empty when the times came as numbers)
 */
public record ScoringInput(TimeTable times, List<String> baseWorkloads, Map<String, String> variantToBase,
                           Map<String, Map<String, List<StudyTime>>> studies) {

    /** Copies into unmodifiable collections, keeping order; a variant that is also a base is bad input. */
    public ScoringInput {
        baseWorkloads = List.copyOf(baseWorkloads);
        variantToBase = Collections.unmodifiableMap(new LinkedHashMap<>(variantToBase));
        studies = Collections.unmodifiableMap(new LinkedHashMap<>(studies));
        for (String variant : variantToBase.keySet()) {
            if (baseWorkloads.contains(variant)) {
                throw new BadInputException("held-out variant '" + variant + "' is also listed as a base workload");
            }
        }
        for (String base : variantToBase.values()) {
            if (!baseWorkloads.contains(base)) {
                throw new BadInputException("held-out variant's base '" + base + "' is not a base workload; known: "
                        + String.join(", ", baseWorkloads));
            }
        }
    }

    /**
     * These times with more held-out variants ({@code --held-out VARIANT=BASE}): each variant leaves the base list;
     * its base joins it if missing.
     */
    public ScoringInput withHeldOut(Map<String, String> more) {
        if (more.isEmpty()) {
            return this;
        }
        more.forEach((variant, base) -> {
            if (!times.workloads().contains(variant)) {
                throw new BadInputException("held-out variant '" + variant + "' is not a workload of the input; known: "
                        + String.join(", ", times.workloads()));
            }
            if (!times.workloads().contains(base) && !baseWorkloads.contains(base)) {
                throw new BadInputException("held-out variant's base '" + base + "' is not a workload of the input; "
                        + "known: " + String.join(", ", times.workloads()));
            }
        });
        Map<String, String> variants = new LinkedHashMap<>(variantToBase);
        variants.putAll(more);
        List<String> bases = new ArrayList<>(baseWorkloads);
        bases.removeAll(more.keySet());
        for (String base : more.values()) {
            if (!bases.contains(base)) {
                bases.add(base);
            }
        }
        return new ScoringInput(times, bases, variants, studies);
    }
}
