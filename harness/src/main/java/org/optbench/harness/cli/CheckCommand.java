package org.optbench.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.optbench.harness.jar.CheckReport;
import org.optbench.harness.jar.Finding;
import org.optbench.harness.jar.JarCheck;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code optbench check foo.jar}: whether a submission jar may run. Prints one line per finding on standard output
 * and exits 1 when there are findings, prints one {@code ok} line and exits 0 when there are none; a jar that
 * cannot be loaded at all is one line on standard error and exit code 2. Warnings go to standard error.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check a submission jar: its service entry, the api version it was built against, its hooks, "
                + "its default search space, and its bytecode for what a submission may not do (files, network, "
                + "processes, reflection, class loaders, exit, threads, clocks, Unsafe, native code).",
                "Exit codes: 0 no findings, 1 findings (one line each), 2 the jar cannot be loaded."})
public final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "JAR", description = "The submission jar.")
    Path jar;

    @Override
    public Integer call() {
        CheckReport report = JarCheck.check(jar);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (String warning : report.warnings()) {
            err.println("warning: " + warning);
        }
        err.flush();
        for (Finding finding : report.findings()) {
            out.println(finding);
        }
        if (report.passed()) {
            StringBuilder offers = new StringBuilder();
            for (Map.Entry<String, String> s : report.submissions().entrySet()) {
                offers.append(offers.length() == 0 ? "" : ", ").append(s.getValue()).append(" (").append(s.getKey())
                        .append(')');
            }
            out.println("ok: " + jar + " offers " + offers + "; api "
                    + (report.apiVersion() == null ? "not named" : report.apiVersion()) + "; no findings");
        }
        out.flush();
        return report.passed() ? 0 : 1;
    }
}
