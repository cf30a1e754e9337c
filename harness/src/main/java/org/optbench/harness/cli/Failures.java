package org.optbench.harness.cli;

/** Keeps user-facing messages to one line. */
final class Failures {
    private Failures() {
    }

    static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
