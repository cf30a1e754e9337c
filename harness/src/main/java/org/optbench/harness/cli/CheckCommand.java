package org.optbench.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.optbench.api.BadInputException;
import org.optbench.harness.catalog.InspectionReport;
import org.optbench.harness.catalog.SubmissionDescription;
import org.optbench.harness.launch.Limits;
import org.optbench.harness.launch.SandboxMode;
import org.optbench.harness.launch.TrialSettings;
import org.optbench.harness.study.Submissions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code optbench check foo.jar}: whether a submission jar may run. Prints one line per finding on standard output
 * and exits 1 when there are findings, prints one {@code ok} line and exits 0 when there are none; a jar that
 * cannot be loaded at all is one line on standard error and exit code 2. Warnings go to standard error. The jar is
 * loaded, scanned and its hooks run in a confined JVM that is killed after a minute, never in this process.
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Check a submission jar: its service entry, the api version it was built against, its hooks, "
                + "its default search space, and its bytecode against what a submission may reference (files, "
                + "network, processes, reflection, class loaders, exit, threads, clocks, properties, Unsafe, native "
                + "code, and anything off the allow-list).",
                "Exit codes: 0 no findings, 1 findings (one line each), 2 the jar cannot be loaded."},
        footerHeading = "%nExamples:%n",
        footer = {"  # the template's jar, built as submissions/template/README.md shows",
                "  ./optbench check submissions/template/target/optbench-lion.jar"})
public final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "JAR", description = "The submission jar.")
    Path jar;

    @Option(names = "--no-sandbox", description = "Inspect the jar in a JVM without the operating system's "
            + "confinement, knowingly.")
    boolean noSandbox;

    @Override
    public Integer call() {
        TrialSettings settings = TrialSettings.defaults().withLimits(Limits.defaults())
                .withSandbox(noSandbox ? SandboxMode.OFF : SandboxMode.REQUIRED);
        InspectionReport report = Submissions.inspect(jar.toAbsolutePath().normalize(), false, settings);
        if (report.loadError() != null) {
            throw new BadInputException(report.loadError());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (String warning : report.warnings()) {
            err.println("warning: " + warning);
        }
        err.flush();
        for (String finding : report.findings()) {
            out.println(finding);
        }
        if (report.passed()) {
            StringBuilder offers = new StringBuilder();
            for (SubmissionDescription s : report.submissions()) {
                offers.append(offers.length() == 0 ? "" : ", ").append(s.name()).append(" (").append(s.className())
                        .append(')');
            }
            out.println("ok: " + jar + " offers " + offers + "; api "
                    + (report.apiVersion() == null ? "not named" : report.apiVersion()) + "; no findings");
        }
        out.flush();
        return report.passed() ? 0 : 1;
    }
}
