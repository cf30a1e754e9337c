package org.optbench.harness.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.optbench.api.BadInputException;
import org.optbench.harness.catalog.InspectionReport;
import org.optbench.harness.catalog.SubmissionCatalog;
import org.optbench.harness.catalog.SubmissionDescription;
import org.optbench.harness.launch.HelperJvm;
import org.optbench.harness.launch.TrialSettings;
import org.optbench.results.records.RecordJson;

/**
 * What studies know of submissions. A built-in is described in this process (it is optbench's own code); a jar is
 * checked and described in a confined JVM that is killed after {@value #INSPECTION_SECONDS} s, so that a jar whose
 * static initialiser loops, or which calls {@code System.exit}, cannot hang or end the command, and so that this
 * process never initialises a submission class.
 */
public final class Submissions {
    /**
     * How long a jar's inspection may take: loading, scanning and running its untimed hooks. Tests shorten it with
     * the system property {@code optbench.inspectionSeconds}.
     */
    static final long INSPECTION_SECONDS = 60;

    private Submissions() {
    }

    /**
     * Describes the chosen submission, refusing a jar that fails the check unless {@code allowUnchecked}.
     *
     * @param settings the sandbox and heap an inspection JVM runs with
     */
    public static SubmissionDescription describe(SubmissionChoice choice, boolean allowUnchecked,
                                                 TrialSettings settings) {
        if (!choice.isJar()) {
            return SubmissionDescription.of(SubmissionCatalog.create(choice.nameOrJar()), null);
        }
        SubmissionDescription described = describeJar(choice, allowUnchecked, settings);
        if (SubmissionCatalog.names().contains(described.name())) {
            // Records are kept by name: its trials would be the built-in's, and the built-in's finished ones its own.
            throw new BadInputException(choice.jar().getFileName() + ": " + described.className() + ".name() returned '"
                    + described.name() + "', the name of a built-in submission; a jar needs a name of its own");
        }
        return described;
    }

    private static SubmissionDescription describeJar(SubmissionChoice choice, boolean allowUnchecked,
                                                     TrialSettings settings) {
        Path jar = choice.jar();
        InspectionReport report = inspect(jar, allowUnchecked, settings);
        String jarName = jar.getFileName().toString();
        if (report.loadError() != null) {
            throw new BadInputException(report.loadError());
        }
        if (!report.findings().isEmpty() && !allowUnchecked) {
            int n = report.findings().size();
            throw new BadInputException(jarName + " fails the check: " + report.findings().get(0) + " (" + n
                    + " finding" + (n == 1 ? "" : "s") + "; see 'optbench check " + jar
                    + "', or run it anyway with --allow-unchecked)");
        }
        List<SubmissionDescription> offered = report.submissions();
        if (report.offeredClasses().isEmpty() && !report.findings().isEmpty()) {
            // The inspection ended before it read the jar's service entry (its code looped or exited): the finding
            // says why, not a count of classes the report never had.
            throw new BadInputException(jarName + ": " + report.findings().get(report.findings().size() - 1));
        }
        if (choice.submissionClass() != null) {
            for (SubmissionDescription d : offered) {
                if (d.className().equals(choice.submissionClass())) {
                    return d;
                }
            }
            throw new BadInputException(jarName + " has no submission class '" + choice.submissionClass()
                    + "' that could be described; it offers " + String.join(", ", report.offeredClasses()));
        }
        if (report.offeredClasses().size() != 1) {
            throw new BadInputException(jarName + " offers " + report.offeredClasses().size() + " submissions ("
                    + String.join(", ", report.offeredClasses()) + "); choose one with --submission-class");
        }
        if (offered.isEmpty()) {
            throw new BadInputException(jarName + ": " + (report.findings().isEmpty() ? "its submission could not be"
                    + " described" : report.findings().get(report.findings().size() - 1)));
        }
        return offered.get(0);
    }

    /**
     * Checks and describes a jar in a confined, time-limited JVM. A jar whose code did not let the inspection finish
     * is reported as a finding.
     */
    public static InspectionReport inspect(Path jar, boolean describeDespiteFindings, TrialSettings settings) {
        if (!Files.isRegularFile(jar)) {
            throw new BadInputException(jar + ": no such submission jar");
        }
        List<String> arguments = new ArrayList<>(List.of("inspect", "--jar", jar.toString()));
        if (describeDespiteFindings) {
            arguments.add("--describe-despite-findings");
        }
        JsonNode node;
        try {
            node = HelperJvm.run(arguments, settings, List.of(jar),
                    Long.getLong("optbench.inspectionSeconds", INSPECTION_SECONDS));
        } catch (HelperJvm.NoReport e) {
            return new InspectionReport(null, null, List.of(jar.getFileName() + ": its inspection "
                    + e.getMessage() + " (does a static initialiser, constructor or hook loop or exit?) [hooks]"),
                    List.of(), List.of(), List.of());
        }
        try {
            return RecordJson.mapper().treeToValue(node, InspectionReport.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new InspectionReport(null, null, List.of(jar.getFileName() + ": its inspection sent a malformed"
                    + " report [hooks]"), List.of(), List.of(), List.of());
        }
    }

    /**
     * Checks a point's hyperparameter names against those the submission is known to take.
     *
     * @param point the hyperparameters
     * @param where what to name in a message, e.g. the file they come from
     * @param allowUnknown whether names it does not know are let through (the user said so)
     */
    public static void checkNames(SubmissionDescription submission, Map<String, Object> point, String where,
                                  boolean allowUnknown) {
        Set<String> known = submission.knownHyperParameters();
        if (allowUnknown || known.isEmpty()) {
            return;
        }
        for (String name : point.keySet()) {
            if (!known.contains(name)) {
                throw new BadInputException(where + ": unknown hyperparameter '" + name + "' for " + submission.name()
                        + "; known: " + String.join(", ", new TreeSet<>(known))
                        + " (or pass --allow-unknown-hparams)");
            }
        }
    }
}
