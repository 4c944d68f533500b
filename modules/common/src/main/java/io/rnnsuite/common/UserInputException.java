package io.rnnsuite.common;

/**
 * A mistake the user can fix: a missing file, a bad row, an unknown flag value.
 *
 * <p>The CLI prints {@link #getMessage()} as one line and exits with code 2, without a stack
 * trace. Messages say what was wrong, where (file, line, column, flag), and what was expected.
 */
public class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
