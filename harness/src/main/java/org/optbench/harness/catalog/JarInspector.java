package org.optbench.harness.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.optbench.api.BadInputException;
import org.optbench.api.Submission;
import org.optbench.harness.jar.CheckReport;
import org.optbench.harness.jar.Finding;
import org.optbench.harness.jar.JarCheck;
import org.optbench.harness.jar.SubmissionJar;
import org.optbench.harness.trial.Failures;

/**
 * Inspects a submission jar: {@link JarCheck}'s checks, then a description of each class it offers. Runs its code
 * (constructors, static initialisers, the untimed hooks), so it is only ever called inside a confined,
 * time-limited JVM ({@code optbench inspect}, started by the study layer).
 */
public final class JarInspector {
    private JarInspector() {
    }

    /**
     * @param jar the jar
     * @param describeDespiteFindings whether to run the hooks of a jar that breaks the rules too (the user said
     *     {@code --allow-unchecked}; the JVM doing it is confined anyway)
     */
    public static InspectionReport inspect(Path jar, boolean describeDespiteFindings) {
        CheckReport check;
        try {
            check = JarCheck.check(jar);
        } catch (BadInputException e) {
            return new InspectionReport(Failures.oneLine(e.getMessage()), null, List.of(), List.of(), List.of(),
                    List.of());
        }
        List<String> findings = new ArrayList<>(check.findings().stream().map(Finding::toString).toList());
        List<SubmissionDescription> described = new ArrayList<>();
        List<String> offered = new ArrayList<>(check.submissions().keySet());
        if (findings.isEmpty() || describeDespiteFindings) {
            try (SubmissionJar opened = SubmissionJar.open(jar)) {
                for (String className : offered) {
                    try {
                        Submission instance = opened.instantiate(className);
                        described.add(SubmissionDescription.of(instance, opened.path().toString()));
                    } catch (Throwable t) {
                        findings.add(className + " cannot be described: " + Failures.oneLine(String.valueOf(
                                t.getMessage())) + " [hooks]");
                    }
                }
            }
        }
        return new InspectionReport(null, check.apiVersion(), findings, check.warnings(), described, offered);
    }
}
