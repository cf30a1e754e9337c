package org.optbench.results.regression;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.optbench.results.records.AtomicFiles;

/** The gate's checks as Markdown for a CI job page: a verdict, the failures, then every check. */
public final class RegressionSummary {
    private RegressionSummary() {
    }

    /** Writes the summary to {@code file} atomically. */
    public static void write(List<Check> checks, Tolerances tolerances, Path file) {
        AtomicFiles.writeString(file, markdown(checks, tolerances));
    }

    /** The summary's Markdown. */
    public static String markdown(List<Check> checks, Tolerances tolerances) {
        long failed = checks.stream().filter(c -> !c.passed()).count();
        StringBuilder md = new StringBuilder();
        md.append("## optbench regression gate: ").append(failed == 0 ? "passed" : "FAILED").append("\n\n");
        md.append(String.format(Locale.ROOT, "%d checks, %d failed. Tolerances: time to target +%.0f %%, step time "
                        + "+%.0f %%, score -%.3f.%n%n", checks.size(), failed, tolerances.timeRelative() * 100,
                tolerances.stepTimeRelative() * 100, tolerances.scoreAbsolute()));
        if (failed > 0) {
            md.append("### Failures\n\n");
            for (Check c : checks) {
                if (!c.passed()) {
                    md.append("- **").append(c.experiment()).append('/').append(c.submission()).append("** ")
                            .append(c.workload() == null ? "" : c.workload() + ": ").append(c.message()).append('\n');
                }
            }
            md.append('\n');
        }
        md.append("### All checks\n\n")
                .append("| experiment | submission | workload | quantity | baseline | current | limit | result |\n")
                .append("| --- | --- | --- | --- | ---: | ---: | ---: | --- |\n");
        for (Check c : checks) {
            md.append("| ").append(c.experiment()).append(" | ").append(c.submission()).append(" | ")
                    .append(c.workload() == null ? "" : c.workload()).append(" | ").append(c.quantity().label())
                    .append(" | ").append(RegressionGate.fmt(c.baseline())).append(" | ")
                    .append(RegressionGate.fmt(c.current())).append(" | ").append(RegressionGate.fmt(c.limit()))
                    .append(" | ").append(c.passed() ? "pass" : "**FAIL**").append(" |\n");
        }
        return md.toString();
    }
}
