package org.optbench.harness.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.optbench.api.Submission;
import org.optbench.harness.catalog.SubmissionCatalog;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code optbench submissions}: the built-in submissions and their default points. */
@Command(name = "submissions", mixinStandardHelpOptions = true,
        description = "List the built-in submissions with their self-tuning default hyperparameters.")
public final class SubmissionsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-22s %-13s %s%n", "submission", "search space", "default hyperparameters");
        for (Map.Entry<String, Supplier<Submission>> e : SubmissionCatalog.builtIns().entrySet()) {
            Submission s = e.getValue().get();
            out.printf("%-22s %-13s %s%n", e.getKey(), s.searchSpaceJson().isPresent() ? "yes" : "no",
                    s.defaultHyperParameters().asMap());
        }
        out.flush();
        return 0;
    }
}
