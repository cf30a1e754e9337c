package org.optbench.harness.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.optbench.api.OptimizerState;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.api.Submission;
import org.optbench.harness.catalog.SubmissionCatalog;
import org.optbench.workloads.Workload;
import org.optbench.workloads.Workloads;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code optbench submissions}: the built-in submissions, their default points and their state sizes. */
@Command(name = "submissions", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "List the built-in submissions with their self-tuning default hyperparameters (and the "
                + "optional ones they also take).",
        footerHeading = "%nExamples:%n",
        footer = {"  ./optbench submissions",
                "  ./optbench submissions --memory"})
public final class SubmissionsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--memory", description = "Show each optimizer's state size (KB, from its default point) for "
            + "each base workload's parameters, next to the parameters' own size.")
    boolean memory;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Supplier<Submission>> builtIns = SubmissionCatalog.builtIns();
        if (memory) {
            printMemory(out, builtIns);
        } else {
            out.printf("%-22s %-13s %s%n", "submission", "search space", "default hyperparameters");
            for (Map.Entry<String, Supplier<Submission>> e : builtIns.entrySet()) {
                Submission s = e.getValue().get();
                String optional = s.optionalHyperParameters().isEmpty() ? ""
                        : "; optional: " + String.join(", ", new TreeSet<>(s.optionalHyperParameters()));
                out.printf("%-22s %-13s %s%s%n", e.getKey(), s.searchSpaceJson().isPresent() ? "yes" : "no",
                        s.defaultHyperParameters().asMap(), optional);
            }
        }
        out.flush();
        return 0;
    }

    private static void printMemory(PrintWriter out, Map<String, Supplier<Submission>> builtIns) {
        List<Workload> workloads = new ArrayList<>();
        for (String name : Workloads.names()) {
            Workload w = Workloads.create(name);
            if (w.spec().base() == null) {
                workloads.add(w);
            }
        }
        out.printf(Locale.ROOT, "optimizer state in KB (parameters' own size in the header)%n%-22s", "submission");
        List<Params> params = new ArrayList<>();
        for (Workload w : workloads) {
            Params p = w.initialParams(Rng.of(0));
            params.add(p);
            out.printf(Locale.ROOT, " %18s", w.spec().name() + " (" + kb(p.numElements() * 4) + ")");
        }
        out.println();
        for (Map.Entry<String, Supplier<Submission>> e : builtIns.entrySet()) {
            out.printf(Locale.ROOT, "%-22s", e.getKey());
            for (int i = 0; i < workloads.size(); i++) {
                Submission s = e.getValue().get();
                OptimizerState state = s.init(workloads.get(i).info(), params.get(i), s.defaultHyperParameters(),
                        Rng.of(0));
                out.printf(Locale.ROOT, " %18s", kb(state.stateBytes()));
            }
            out.println();
        }
    }

    private static String kb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1e3);
    }
}
