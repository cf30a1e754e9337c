package org.optbench.harness.catalog;

import org.optbench.api.Submission;

/** Turns what a user named on the command line (a built-in name or, later, a jar) into a submission instance. */
public final class SubmissionSource {
    private SubmissionSource() {
    }

    /** A fresh submission for a built-in name. */
    public static Submission load(String nameOrJar) {
        return SubmissionCatalog.create(nameOrJar);
    }
}
