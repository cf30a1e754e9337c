package org.optbench.harness.catalog;

import java.util.List;

/**
 * What a confined inspection of a submission jar found ({@code optbench check}, and the first thing {@code run},
 * {@code tune}, {@code leaderboard} and {@code calibrate} do with a jar).
 *
 * @param loadError why the jar cannot be loaded at all (not a zip, no service entry, a missing class, ...), or
 *     {@code null}
 * @param apiVersion the api version its manifest names, or {@code null}
 * @param findings the rules it breaks, one line each
 * @param warnings notes that do not fail the check
 * @param submissions the classes it offers, described by running their untimed hooks (empty when the hooks were
 *     not run because of findings, or when they failed, which is then a finding)
 * @param offeredClasses every class its service entry names
 */
public record InspectionReport(String loadError, String apiVersion, List<String> findings, List<String> warnings,
                               List<SubmissionDescription> submissions, List<String> offeredClasses) {
    /** Copies the lists. */
    public InspectionReport {
        findings = findings == null ? List.of() : List.copyOf(findings);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        submissions = submissions == null ? List.of() : List.copyOf(submissions);
        offeredClasses = offeredClasses == null ? List.of() : List.copyOf(offeredClasses);
    }

    /** Whether it loads and breaks no rule. */
    public boolean passed() {
        return loadError == null && findings.isEmpty();
    }
}
