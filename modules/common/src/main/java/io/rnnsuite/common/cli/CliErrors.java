package io.rnnsuite.common.cli;

import io.rnnsuite.common.UserInputException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Installs the project's error policy on a picocli {@link CommandLine}: a user's mistake (an
 * unknown flag, a bad value, a {@link UserInputException} from the app) prints one line
 * {@code error: ...} and exits 2; anything else prints the cause and exits 1. Every whole-number
 * option without a converter of its own is refused below 0 while parsing (no option of the suite counts
 * below zero), and every decimal option refuses NaN and infinity; options that need more (at least 1,
 * a fraction) say so with a {@link Ranges} converter.
 */
public final class CliErrors {

    private CliErrors() {
    }

    /**
     * Call after every subcommand is added: the range checks reach the commands present now. Every
     * command line of the suite starts here, before anything loads ND4J, so this also lets
     * {@link io.rnnsuite.layers.BlasLibrary#choose()} pick the BLAS library (MKL where present).
     */
    public static CommandLine install(CommandLine commandLine) {
        io.rnnsuite.layers.BlasLibrary.choose();
        commandLine.registerConverter(Integer.class, new Ranges.ZeroOrMore());
        commandLine.registerConverter(Integer.TYPE, new Ranges.ZeroOrMore());
        commandLine.registerConverter(Double.class, Ranges::parseDouble);
        commandLine.registerConverter(Double.TYPE, Ranges::parseDouble);
        commandLine.registerConverter(java.nio.file.Path.class, CliErrors::parsePath);
        commandLine.setParameterExceptionHandler(CliErrors::onBadParameters);
        commandLine.setExecutionExceptionHandler(CliErrors::onExecutionFailure);
        return commandLine;
    }

    private static java.nio.file.Path parsePath(String value) {
        if (value.isBlank()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is an empty path: expected a file or directory name");
        }
        try {
            return java.nio.file.Path.of(value);
        } catch (java.nio.file.InvalidPathException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a path (" + e.getReason() + ")");
        }
    }

    private static int onBadParameters(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        String message = e.getMessage() == null ? "invalid arguments" : e.getMessage().replace('\n', ' ').trim();
        err.println("error: " + message + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return ExitCodes.USER_ERROR;
    }

    private static int onExecutionFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        UserInputException userError = findUserError(e);
        if (userError != null) {
            err.println("error: " + userError.getMessage().replace('\n', ' '));
            err.flush();
            return ExitCodes.USER_ERROR;
        }
        String environment = findEnvironmentError(e);
        if (environment != null) {
            err.println("error: " + environment.replace('\n', ' '));
            err.flush();
            return ExitCodes.USER_ERROR;
        }
        err.println("internal error: " + e);
        e.printStackTrace(err);
        err.flush();
        return ExitCodes.FAILURE;
    }

    /**
     * A write that failed because of the machine, not the program (a full disk, a read-only file
     * system, a quota, a permission), described as one line, or {@code null}. What was written before
     * stays: every file is replaced atomically, so the previous version of a file is still complete.
     */
    static String findEnvironmentError(Throwable e) {
        String context = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (context == null && t instanceof java.io.UncheckedIOException && t.getMessage() != null) {
                context = t.getMessage();
            }
            String message = t.getMessage() == null ? "" : t.getMessage();
            String lower = message.toLowerCase(java.util.Locale.ROOT);
            boolean machine = t instanceof java.nio.file.AccessDeniedException
                    || (t instanceof java.io.IOException && (lower.contains("no space left") || lower.contains("read-only file system")
                    || lower.contains("disk quota") || lower.contains("permission denied")));
            if (machine) {
                String what = t instanceof java.nio.file.AccessDeniedException ? "permission denied: " + message : message;
                return (context != null ? context + ": " : "cannot write: ") + what
                        + " (files written before are intact; free space or fix the permissions, then run again or --resume)";
            }
        }
        return null;
    }

    /** The user error at or under {@code e}, if any (DL4J sometimes wraps exceptions). */
    static UserInputException findUserError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UserInputException) {
                return (UserInputException) t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
