package org.optbench.workloads;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.optbench.api.BadInputException;
import org.optbench.api.Rng;

/**
 * Named sets of workloads. {@code quick}: every base workload, no variants. {@code full}: every base workload and,
 * for each base with variants, one held-out variant drawn as AlgoPerf v0.5 draws them: uniformly among that base's
 * variants, from a seed fixed once for the benchmark round (so no submission can know it in advance).
 */
public final class Suites {
    /** The seed of the shipped {@code full} suite's draw. */
    public static final long DEFAULT_HELD_OUT_SEED = 20240521L;

    private Suites() {
    }

    /** The suite names. */
    public static List<String> names() {
        return List.of("quick", "full");
    }

    /** The workloads of a suite, bases first in registry order, then the drawn variants. */
    public static List<String> workloads(String suite, long heldOutSeed) {
        return switch (suite) {
            case "quick" -> bases();
            case "full" -> {
                List<String> all = new ArrayList<>(bases());
                all.addAll(heldOutVariants(heldOutSeed).values());
                yield all;
            }
            default -> throw new BadInputException("unknown suite '" + suite + "'; known: " + String.join(", ", names()));
        };
    }

    /** For each base workload that has variants, the one drawn as its held-out variant. */
    public static Map<String, String> heldOutVariants(long seed) {
        Map<String, List<String>> variantsByBase = new LinkedHashMap<>();
        for (String name : Workloads.names()) {
            String base = Workloads.spec(name).base();
            if (base != null) {
                variantsByBase.computeIfAbsent(base, b -> new ArrayList<>()).add(name);
            }
        }
        Map<String, String> drawn = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : variantsByBase.entrySet()) {
            // One independent draw per base, keyed by the base's name so adding a workload does not move the others.
            Rng rng = Rng.of(seed).split(fnv1a(e.getKey()));
            drawn.put(e.getKey(), e.getValue().get(rng.nextInt(e.getValue().size())));
        }
        return drawn;
    }

    private static List<String> bases() {
        List<String> bases = new ArrayList<>();
        for (String name : Workloads.names()) {
            if (Workloads.spec(name).base() == null) {
                bases.add(name);
            }
        }
        return bases;
    }

    private static long fnv1a(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
