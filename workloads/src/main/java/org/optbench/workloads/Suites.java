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
 * variants, from a seed fixed once for the benchmark round (so no submission can know it in advance); and one of
 * each family of variants that change the training signal (delayed gradients, small-model assistance), drawn the
 * same way among its members.
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

    /**
     * One held-out variant per draw group: for each base with variants that change its model, one of them; for each
     * family of variants that change any base's training signal ({@link Workloads#family}), one of its members.
     * Keyed by the group: the base's name or the family's.
     */
    public static Map<String, String> heldOutVariants(long seed) {
        Map<String, List<String>> variantsByGroup = new LinkedHashMap<>();
        for (String name : Workloads.names()) {
            String group = Workloads.family(name);
            if (group != null) {
                variantsByGroup.computeIfAbsent(group, b -> new ArrayList<>()).add(name);
            }
        }
        Map<String, String> drawn = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : variantsByGroup.entrySet()) {
            // One independent draw per group, keyed by its name so adding a workload does not move the others.
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
