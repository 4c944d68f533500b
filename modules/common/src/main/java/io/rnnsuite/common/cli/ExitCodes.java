package io.rnnsuite.common.cli;

/** Process exit codes of the rnn-suite command. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** A failure that is not the user's fault (a bug, a full disk); printed with its cause. */
    public static final int FAILURE = 1;
    /** A user mistake: bad flag, bad file, bad input. One line on stderr. */
    public static final int USER_ERROR = 2;
    /** Interrupted (Ctrl-C). */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
