package org.optbench.harness.study;

import java.nio.file.Path;

import org.optbench.api.BadInputException;
import org.optbench.harness.catalog.SubmissionSource;

/**
 * A submission as a user names it: a built-in name, or a path ending in {@code .jar} (with the class to take from a
 * jar that offers several).
 *
 * @param nameOrJar the name or the jar's path
 * @param submissionClass the class to take from a jar, or {@code null}
 */
public record SubmissionChoice(String nameOrJar, String submissionClass) {
    /** Checks that a class is only named for a jar. */
    public SubmissionChoice {
        if (nameOrJar == null || nameOrJar.isBlank()) {
            throw new BadInputException("--submission needs a built-in name or a jar");
        }
        if (submissionClass != null && !SubmissionSource.isJar(nameOrJar)) {
            throw new BadInputException("--submission-class applies to a jar, not to the built-in '" + nameOrJar + "'");
        }
    }

    /** Whether it names a jar. */
    public boolean isJar() {
        return SubmissionSource.isJar(nameOrJar);
    }

    /** The jar's absolute path; only for a jar. */
    public Path jar() {
        return Path.of(nameOrJar).toAbsolutePath().normalize();
    }
}
