package org.optbench.harness.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.optbench.harness.budgets.Budgets;
import org.optbench.workloads.WorkloadSpec;
import org.optbench.workloads.Workloads;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code optbench workloads}: what can be trained, with targets, budgets and defaults. */
@Command(name = "workloads", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "List the workloads and variants with their targets, budgets and defaults.",
        footerHeading = "%nExamples:%n",
        footer = {"  ./optbench workloads",
                "  ./optbench workloads --format json"})
public final class WorkloadsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--hardware-class", paramLabel = "NAME",
            description = "Show the budgets of this hardware class; default: this machine's.")
    String hardwareClass;

    @Option(names = "--budgets-dir", paramLabel = "DIR", description = "Directory of <hardware-class>.json budget files.")
    java.nio.file.Path budgetsDir;

    /** Output formats of the listing. */
    enum OutputFormat { table, json }

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        Budgets budgets = Budgets.resolve(hardwareClass, budgetsDir);
        // The catalogue's specs: no workload is built and no data is loaded.
        List<WorkloadSpec> specs = Workloads.specs();
        if (format == OutputFormat.json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (WorkloadSpec s : specs) {
                Map<String, Object> row = asMap(s, budget(budgets, s));
                row.put("hardware_class", budgets.hardwareClass());
                rows.add(row);
            }
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
        } else {
            out.printf(Locale.ROOT, "budgets of hardware class %s%s%n", budgets.hardwareClass(),
                    budgets.note() == null ? "" : " (" + budgets.note() + ")");
            out.printf(Locale.ROOT, "%-26s %-18s %-22s %12s %12s %9s %8s %9s %6s %7s%n", "workload", "base", "metric",
                    "val target", "test target", "budget s", "eval s", "step hint", "batch", "copies");
            for (WorkloadSpec s : specs) {
                String arrow = s.direction().comparator();
                int copies = Workloads.parameterCopies(s.name());
                out.printf(Locale.ROOT, "%-26s %-18s %-22s %12s %12s %9.1f %8.1f %9d %6d %7s%n", s.name(),
                        s.base() == null ? "-" : s.base(), s.metric(), arrow + fmt(s.validationTarget()),
                        arrow + fmt(s.testTarget()), budget(budgets, s), s.evalPeriodSeconds(), s.stepHint(),
                        s.defaultBatchSize(), copies == 0 ? "-" : Integer.toString(copies));
            }
            out.println("copies: parameter copies a variant keeps beyond the model's (delayed gradients' past steps)");
        }
        out.flush();
        return 0;
    }

    /** The workload's budget in the class, NaN (printed as such) where the class has none. */
    private static double budget(Budgets budgets, WorkloadSpec s) {
        return budgets.table().budgetSeconds(s.name()).orElse(Double.NaN);
    }

    static Map<String, Object> asMap(WorkloadSpec s, double budgetSeconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("base", s.base());
        m.put("metric", s.metric());
        m.put("metric_direction", s.direction().json());
        m.put("validation_target", s.validationTarget());
        m.put("test_target", s.testTarget());
        m.put("budget_seconds", Double.isNaN(budgetSeconds) ? null : budgetSeconds);
        m.put("eval_period_seconds", s.evalPeriodSeconds());
        m.put("step_hint", s.stepHint());
        m.put("default_batch_size", s.defaultBatchSize());
        m.put("loss_type", s.lossType().name().toLowerCase(Locale.ROOT));
        m.put("description", s.description());
        m.put("held_out_group", Workloads.family(s.name()));
        m.put("parameter_copies", Workloads.parameterCopies(s.name()));
        return m;
    }

    /** Five significant digits: the shipped targets have at most five. */
    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.5g", v).replaceFirst("(\\.\\d*?)0+($|e)", "$1$2").replaceFirst("\\.($|e)", "$1");
    }
}
