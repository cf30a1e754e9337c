package org.optbench.api;

/**
 * A mistake in what a user gave optbench: a file, a field, a name or a value. Its message is one line that names
 * what is wrong and what was expected; the command line prints it alone and exits with code 2. Bugs are other
 * exceptions, and keep their stack traces.
 */
public class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line naming the file, field or value and what was expected */
    public BadInputException(String message) {
        super(message);
    }

    /** @param message one line naming the file, field or value and what was expected
     *  @param cause what was caught while reading it */
    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
