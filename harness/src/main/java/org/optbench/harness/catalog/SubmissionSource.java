package org.optbench.harness.catalog;

import java.nio.file.Path;

import org.optbench.api.Submission;
import org.optbench.harness.jar.SubmissionJar;

/**
 * Turns what a user named on the command line into a submission instance: a built-in name, or a path ending in
 * {@code .jar} to a submission jar, loaded in a class loader of its own that sees only the api and ND4J. The one
 * entry point for both the CLI and a forked trial JVM (which loads the jar again from the request's path).
 */
public final class SubmissionSource {
    private SubmissionSource() {
    }

    /** A fresh submission for a built-in name or a jar with exactly one submission class. */
    public static Submission load(String nameOrJar) {
        return load(nameOrJar, null);
    }

    /**
     * A fresh submission for a built-in name or a jar.
     *
     * @param submissionClass for a jar that offers several submissions, the class to use; else {@code null}
     */
    public static Submission load(String nameOrJar, String submissionClass) {
        if (!isJar(nameOrJar)) {
            return SubmissionCatalog.create(nameOrJar);
        }
        // The loader stays open for the life of the submission: its classes load lazily from the jar.
        @SuppressWarnings("resource")
        SubmissionJar jar = SubmissionJar.open(Path.of(nameOrJar));
        return jar.instantiate(submissionClass);
    }

    /** Whether the value names a jar rather than a built-in submission. */
    public static boolean isJar(String nameOrJar) {
        return SubmissionJar.isJarPath(nameOrJar);
    }
}
