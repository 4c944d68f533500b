package io.rnnsuite.common.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.UserInputException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class CliErrorsTest {

    @Command(name = "demo")
    static final class Demo implements Callable<Integer> {
        @Option(names = "--n")
        int n;

        @Override
        public Integer call() {
            if (n == 7) {
                throw new RuntimeException("wrapped", new UserInputException("--n must not be 7, got " + n));
            }
            if (n == 99) {
                throw new IllegalStateException("a bug");
            }
            if (n == 28) {
                throw new java.io.UncheckedIOException("cannot write models/m/model.zip",
                        new java.nio.file.FileSystemException("models/m/.model.zip.x.tmp: No space left on device"));
            }
            return 0;
        }
    }

    private static String[] run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = CliErrors.install(new CommandLine(new Demo()));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), err.toString()};
    }

    @Test
    void userErrorsAreOneLineWithExitCode2() {
        String[] r = run("--n", "7");
        assertEquals("2", r[0]);
        assertEquals("error: --n must not be 7, got 7\n", r[1].replace("\r", ""));
    }

    @Test
    void badFlagsAreOneLineWithExitCode2() {
        String[] r = run("--bogus");
        assertEquals("2", r[0]);
        assertTrue(r[1].startsWith("error: Unknown option: '--bogus'"), r[1]);
        assertEquals(1, r[1].strip().lines().count(), r[1]);
        assertEquals("2", run("--n", "abc")[0]);
    }

    @Test
    void bugsKeepTheirStackTraceAndExit1() {
        String[] r = run("--n", "99");
        assertEquals("1", r[0]);
        assertTrue(r[1].startsWith("internal error: java.lang.IllegalStateException: a bug"), r[1]);
        assertFalse(r[1].strip().lines().count() == 1);
    }

    @Test
    void aFullDiskOrAReadOnlyFileSystemIsOneLineWithExitCode2() {
        String[] r = run("--n", "28");
        assertEquals("2", r[0], r[1]);
        assertEquals(1, r[1].strip().lines().count(), r[1]);
        assertTrue(r[1].startsWith("error: cannot write models/m/model.zip: models/m/.model.zip.x.tmp: No space left on device"),
                r[1]);
    }
}
