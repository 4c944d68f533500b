package io.rnnsuite.common.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Keeps the libraries' chatter off the console so that the commands' own output is all a user
 * sees. ND4J's SameDiff prints "Added differentiated op ..." with {@code System.out.println} each
 * time it builds a gradient (the attention layers do, once per model), and no setting turns it
 * off; its slf4j warnings are silenced by the launcher's logger levels instead.
 */
public final class ConsoleNoise {

    /** Lines dropped from standard output, by prefix. */
    static final List<String> DROPPED_PREFIXES = List.of("Added differentiated op ");

    private ConsoleNoise() {
    }

    /** Replaces {@code System.out} by a stream that drops {@link #DROPPED_PREFIXES} lines and passes the rest on. */
    public static void install() {
        if (!(System.out instanceof Filtered)) {
            System.setOut(new Filtered(System.out));
        }
    }

    /** A print stream that holds back one line at a time to decide whether to pass it. */
    static final class Filtered extends PrintStream {
        Filtered(PrintStream target) {
            super(new LineFilter(target), true, StandardCharsets.UTF_8);
        }
    }

    private static final class LineFilter extends OutputStream {
        private final PrintStream target;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineFilter(PrintStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                if (DROPPED_PREFIXES.stream().noneMatch(text::startsWith)) {
                    target.print(text);
                }
                line.reset();
            } else if (b == '\r' || line.size() > 8192) {
                flushLine(); // a redrawn progress line, or a very long one: no filtered prefix is that long
            }
        }

        private void flushLine() {
            target.print(line.toString(StandardCharsets.UTF_8));
            line.reset();
        }

        @Override
        public synchronized void flush() {
            String pending = line.toString(StandardCharsets.UTF_8);
            if (!pending.isEmpty() && DROPPED_PREFIXES.stream().noneMatch(p -> p.startsWith(pending) || pending.startsWith(p))) {
                flushLine();
            }
            target.flush();
        }
    }
}
