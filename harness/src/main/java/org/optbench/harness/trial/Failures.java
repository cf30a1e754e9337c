package org.optbench.harness.trial;

/** One-line reasons for what went wrong inside a trial, for {@code trial.json}'s {@code failure}. */
public final class Failures {
    private Failures() {
    }

    /** "exception in update: IllegalStateException: boom", "out of memory in step 12: Java heap space", ... */
    public static String describe(String where, Throwable t) {
        String kind = t instanceof OutOfMemoryError ? "out of memory" : "exception";
        String message = t.getMessage() == null ? "" : ": " + firstLine(t.getMessage());
        return kind + " in " + where + ": " + t.getClass().getSimpleName() + message;
    }

    /** A message on one line: line breaks and the spaces around them become one space. */
    public static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** The first line of a text, cut to 300 characters. */
    public static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
