package org.optbench.results.scoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 4 of AlgoPerf's score: times that count as misses before ratios are taken. Under v0.5, in this order:
 * <ol type="a">
 *   <li>a variant's time becomes infinite where its base time is infinite or missing;</li>
 *   <li>per column (workload or variant), any time above 4 x the column's best becomes infinite;</li>
 *   <li>a base time becomes infinite where its variant's time is infinite or missing;</li>
 *   <li>variant columns are dropped; only base workloads enter the profile.</li>
 * </ol>
 * Under v0.6 there are no held-out variants: variant columns are dropped and only (b) applies.
 * The results are complete matrices (submission to base workload to seconds), a pair not run being infinite.
 */
public final class Penalties {
    private Penalties() {
    }

    /** Applies the rules of {@code version}; see the class comment. */
    public static Map<String, Map<String, Double>> apply(TimeTable times, List<String> baseWorkloads,
                                                         Map<String, String> variantToBase, RuleVersion version) {
        Map<String, Map<String, Double>> table = complete(times);
        if (version == RuleVersion.V0_5) {
            infiniteVariantsWithoutBase(table, variantToBase);
            beyondFourTimesBest(table);
            infiniteBasesWithoutVariant(table, variantToBase);
        } else {
            table = columns(table, baseWorkloads);
            beyondFourTimesBest(table);
        }
        return columns(table, baseWorkloads);
    }

    /** Every submission and every workload of {@code times}, {@code +inf} where not run; modifiable. */
    static Map<String, Map<String, Double>> complete(TimeTable times) {
        Map<String, Map<String, Double>> table = new LinkedHashMap<>();
        for (String s : times.submissions()) {
            Map<String, Double> row = new LinkedHashMap<>();
            for (String w : times.workloads()) {
                row.put(w, times.time(s, w));
            }
            table.put(s, row);
        }
        return table;
    }

    /** (a) A variant's time becomes infinite where its base's time is infinite or missing. */
    static void infiniteVariantsWithoutBase(Map<String, Map<String, Double>> table, Map<String, String> variantToBase) {
        for (Map<String, Double> row : table.values()) {
            variantToBase.forEach((variant, base) -> {
                if (row.getOrDefault(base, Double.POSITIVE_INFINITY) == Double.POSITIVE_INFINITY) {
                    row.put(variant, Double.POSITIVE_INFINITY);
                }
            });
        }
    }

    /** (b) Per column, a time above 4 x the column's best (smallest) time becomes infinite. */
    static void beyondFourTimesBest(Map<String, Map<String, Double>> table) {
        Map<String, Double> best = columnMinima(table);
        for (Map<String, Double> row : table.values()) {
            row.replaceAll((w, t) -> t > 4 * best.get(w) ? Double.POSITIVE_INFINITY : t);
        }
    }

    /** (c) A base's time becomes infinite where its variant's time is infinite or missing. */
    static void infiniteBasesWithoutVariant(Map<String, Map<String, Double>> table, Map<String, String> variantToBase) {
        for (Map<String, Double> row : table.values()) {
            variantToBase.forEach((variant, base) -> {
                if (row.getOrDefault(variant, Double.POSITIVE_INFINITY) == Double.POSITIVE_INFINITY) {
                    row.put(base, Double.POSITIVE_INFINITY);
                }
            });
        }
    }

    /** (d) Only the given columns, in their order; a column absent from the table is infinite for everyone. */
    static Map<String, Map<String, Double>> columns(Map<String, Map<String, Double>> table, List<String> keep) {
        Map<String, Map<String, Double>> kept = new LinkedHashMap<>();
        table.forEach((s, row) -> {
            Map<String, Double> keptRow = new LinkedHashMap<>();
            for (String w : keep) {
                keptRow.put(w, row.getOrDefault(w, Double.POSITIVE_INFINITY));
            }
            kept.put(s, keptRow);
        });
        return kept;
    }

    /** The smallest time per column over all submissions ({@code +inf} when nobody reached it). */
    static Map<String, Double> columnMinima(Map<String, Map<String, Double>> table) {
        Map<String, Double> best = new LinkedHashMap<>();
        for (Map<String, Double> row : table.values()) {
            row.forEach((w, t) -> best.merge(w, t, Math::min));
        }
        return best;
    }
}
