package org.optbench.harness.jar;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code optbench check} found in a jar.
 *
 * @param jar the jar's absolute path
 * @param submissions the submission classes the jar offers, to their {@code name()} (empty names when the hooks
 *     were not run because of findings)
 * @param apiVersion the api version the manifest names, or {@code null}
 * @param findings the rules the jar breaks, in the order found
 * @param warnings notes that do not fail the check (a missing api version, hooks not run)
 */
public record CheckReport(Path jar, Map<String, String> submissions, String apiVersion, List<Finding> findings,
                          List<String> warnings) {
    /** Copies the collections. */
    public CheckReport {
        // In the service entry's order, which messages name them in (Map.copyOf's order changes from JVM to JVM).
        submissions = Collections.unmodifiableMap(new LinkedHashMap<>(submissions));
        findings = List.copyOf(findings);
        warnings = List.copyOf(warnings);
    }

    /** Whether the jar broke no rule. */
    public boolean passed() {
        return findings.isEmpty();
    }
}
