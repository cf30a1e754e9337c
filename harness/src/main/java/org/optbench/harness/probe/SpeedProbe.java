package org.optbench.harness.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.optbench.api.BadInputException;
import org.optbench.harness.budgets.BudgetTable;
import org.optbench.harness.launch.HelperJvm;
import org.optbench.harness.launch.TrialSettings;
import org.optbench.workloads.Workloads;

/**
 * How fast this machine trains, against the machine a hardware class was calibrated on: AdamW at its default point
 * on each base workload of a study, in a JVM of its own, the median step timed by CPU time over at least
 * {@value #MEASURED} steps and {@value #MEASURED_SECONDS} s, after at least {@value #WARMUP} steps and
 * {@value #WARMUP_SECONDS} s for the JIT. The hardware class's table holds the same figures from its
 * calibration machine; their ratio (geometric mean over the workloads) scales the budgets, so a machine 1.4x slower
 * than the calibration machine gets 1.4x the budget and scores the same. A ratio more than {@value #TOLERANCE}
 * from 1 puts the machine outside the class (three probes of one quiet machine within minutes spread by ±9 %;
 * benchmarks/README.md): optbench says so, and {@code --strict-hardware} refuses.
 */
public final class SpeedProbe {
    /** Untimed steps first, at least this many and {@link #WARMUP_SECONDS} of CPU time: the JIT compiles in them. */
    public static final int WARMUP = 30;
    /** The least CPU time of the untimed steps. */
    public static final double WARMUP_SECONDS = 2.0;
    /** Timed steps, at least this many and {@link #MEASURED_SECONDS} of CPU time. */
    public static final int MEASURED = 60;
    /** The least CPU time of the timed steps. */
    public static final double MEASURED_SECONDS = 1.0;
    /** A ratio within this of 1 is the same class; beyond it optbench says so, and --strict-hardware refuses. */
    public static final double TOLERANCE = 0.15;
    /** The probe of seven workloads (their data included) takes well under a minute; this bounds a broken one. */
    private static final long TIME_LIMIT_SECONDS = 600;

    private SpeedProbe() {
    }

    /**
     * The probe against a class's figures.
     *
     * @param measured this machine's median step seconds by workload
     * @param reference the class's, for the same workloads (those it has)
     * @param ratio geometric mean of measured over reference: above 1, this machine is slower
     */
    public record Comparison(Map<String, Double> measured, Map<String, Double> reference, double ratio) {
        /** Whether the ratio is far enough from 1 for the machine to be outside the class. */
        public boolean differs() {
            return Math.abs(ratio - 1) > TOLERANCE;
        }

        /** One line: the ratio and each workload's figures. */
        public String describe(String hardwareClass) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Double> e : reference.entrySet()) {
                parts.add(String.format(Locale.ROOT, "%s %.2f ms vs %.2f ms", e.getKey(),
                        measured.get(e.getKey()) * 1e3, e.getValue() * 1e3));
            }
            return String.format(Locale.ROOT, "this machine's speed probe is %.2fx %s's (%s)", ratio, hardwareClass,
                    String.join(", ", parts));
        }
    }

    /** The base workloads whose figures stand for {@code workloads} (a variant is probed as its base). */
    public static List<String> probedWorkloads(List<String> workloads) {
        Set<String> bases = new LinkedHashSet<>();
        for (String name : workloads) {
            String base = Workloads.spec(name).base();
            bases.add(base == null ? name : base);
        }
        return new ArrayList<>(bases);
    }

    /** Measures this machine's figures for the given workloads, in a JVM of its own. */
    public static Map<String, Double> measure(List<String> workloads, TrialSettings settings) {
        JsonNode report;
        try {
            report = HelperJvm.run(List.of("probe-worker", "--workloads", String.join(",", workloads)), settings,
                    List.of(), TIME_LIMIT_SECONDS);
        } catch (HelperJvm.NoReport e) {
            throw new IllegalStateException("the speed probe " + e.getMessage());
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        for (String name : workloads) {
            double seconds = report.path(name).asDouble(Double.NaN);
            if (!(seconds > 0)) {
                throw new IllegalStateException("the speed probe gave no figure for " + name + ": " + report);
            }
            figures.put(name, seconds);
        }
        return figures;
    }

    /**
     * Compares this machine's figures with a class's.
     *
     * @throws BadInputException when the class has no figure for any of them (it was calibrated before the probe)
     */
    public static Comparison compare(Map<String, Double> measured, BudgetTable table) {
        Map<String, Double> reference = new LinkedHashMap<>();
        double logSum = 0;
        for (Map.Entry<String, Double> e : measured.entrySet()) {
            Double ref = table.probe().get(e.getKey());
            if (ref != null) {
                reference.put(e.getKey(), ref);
                logSum += Math.log(e.getValue() / ref);
            }
        }
        if (reference.isEmpty()) {
            throw new BadInputException("hardware class " + table.hardwareClass() + " has no speed-probe figures for "
                    + String.join(", ", measured.keySet()) + "; recalibrate it, or give --budget-seconds");
        }
        return new Comparison(measured, reference, Math.exp(logSum / reference.size()));
    }
}
