package org.optbench.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.optbench.harness.budgets.Budgets;
import org.optbench.harness.launch.TrialSettings;
import org.optbench.harness.probe.SpeedProbe;
import org.optbench.workloads.Suites;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code optbench probe}: this machine's speed probe against its hardware class's figures. */
@Command(name = "probe", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Measure this machine with the speed probe (AdamW steps of each base workload, timed by CPU "
                + "time) and compare it with the figures of its hardware class's calibration machine.",
                "Studies run it before their trials and scale the budgets by the ratio; more than 15 %% off, the "
                        + "machine is outside the class: optbench says so (and refuses, with --strict-hardware)."},
        footerHeading = "%nExamples:%n",
        footer = {"  ./optbench probe",
                "  ./optbench probe --workloads quadratic,mnist_mlp"})
public final class ProbeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--workloads", split = ",", paramLabel = "W",
            description = "Workloads to probe, comma-separated (a variant counts as its base); default: every base workload.")
    List<String> workloads;

    @Option(names = "--hardware-class", paramLabel = "NAME", description = "The class to compare with.")
    String hardwareClass;

    @Option(names = "--budgets-dir", paramLabel = "DIR", description = "Directory of <hardware-class>.json files.")
    Path budgetsDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Budgets budgets = Budgets.resolve(hardwareClass, budgetsDir);
        if (budgets.note() != null) {
            Notes.print(spec.commandLine().getErr(), budgets.note());
        }
        List<String> probed = SpeedProbe.probedWorkloads(workloads != null ? workloads
                : Suites.workloads("quick", Suites.DEFAULT_HELD_OUT_SEED));
        Map<String, Double> measured = SpeedProbe.measure(probed, TrialSettings.defaults());
        if (probed.stream().noneMatch(budgets.table().probe()::containsKey)) {
            out.printf(Locale.ROOT, "hardware class %s has no speed-probe figures for these workloads%n",
                    budgets.hardwareClass());
            out.println("as JSON (a budget table's \"probe\"): " + asJson(measured));
            out.flush();
            return 0;
        }
        SpeedProbe.Comparison comparison = SpeedProbe.compare(measured, budgets.table());
        out.printf(Locale.ROOT, "%-20s %12s %12s %8s%n", "workload", "this machine", budgets.hardwareClass(), "ratio");
        for (Map.Entry<String, Double> e : measured.entrySet()) {
            Double reference = comparison.reference().get(e.getKey());
            out.printf(Locale.ROOT, "%-20s %9.3f ms %9s ms %8s%n", e.getKey(), e.getValue() * 1e3,
                    reference == null ? "-" : String.format(Locale.ROOT, "%.3f", reference * 1e3),
                    reference == null ? "-" : String.format(Locale.ROOT, "%.3f", e.getValue() / reference));
        }
        out.printf(Locale.ROOT, "ratio %.3f (geometric mean): %s%n", comparison.ratio(), comparison.differs()
                ? String.format(Locale.ROOT, "more than %.0f %% off %s; studies scale its budgets by %.2f, or refuse "
                        + "with --strict-hardware", SpeedProbe.TOLERANCE * 100, budgets.hardwareClass(),
                        comparison.ratio())
                : String.format(Locale.ROOT, "within %.0f %% of %s; studies scale its budgets by %.2f",
                        SpeedProbe.TOLERANCE * 100, budgets.hardwareClass(), comparison.ratio()));
        out.println("as JSON (a budget table's \"probe\"): " + asJson(measured));
        out.flush();
        return 0;
    }

    /** The figures as one JSON object. */
    private static String asJson(Map<String, Double> figures) {
        StringBuilder s = new StringBuilder("{");
        for (Map.Entry<String, Double> e : figures.entrySet()) {
            s.append(s.length() == 1 ? "" : ", ").append('"').append(e.getKey()).append("\": ")
                    .append(String.format(Locale.ROOT, "%.6g", e.getValue()));
        }
        return s.append('}').toString();
    }
}
