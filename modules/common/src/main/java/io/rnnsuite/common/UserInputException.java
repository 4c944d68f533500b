package io.rnnsuite.common;

/**
 * A mistake the user can fix: a missing file, a bad row, an unknown flag value.
 *
 * <p>The CLI prints {@link #getMessage()} as one line and exits with code 2, without a stack
 * trace. Messages say what was wrong, where (file, line, column, flag), and what was expected. A
 * message longer than {@value #MAX_LENGTH} characters (a huge field quoted back, say) keeps its start
 * and end and says how much was left out between them.
 */
public class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The longest message kept whole. */
    public static final int MAX_LENGTH = 1000;

    public UserInputException(String message) {
        super(abbreviated(message));
    }

    public UserInputException(String message, Throwable cause) {
        super(abbreviated(message), cause);
    }

    static String abbreviated(String message) {
        if (message == null || message.length() <= MAX_LENGTH) {
            return message;
        }
        int head = 700;
        int tail = 200;
        return message.substring(0, head) + " [... " + (message.length() - head - tail) + " characters left out ...] "
                + message.substring(message.length() - tail);
    }
}
