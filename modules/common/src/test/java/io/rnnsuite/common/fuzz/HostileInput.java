package io.rnnsuite.common.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rnnsuite.common.UserInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generated hostile input for the readers' property tests: random bytes, structure-aware garbage
 * (the format's own delimiters, quotes and line breaks in random order), and mutations of valid
 * samples (truncations, flipped and inserted bytes, huge fields, very long lines, NUL bytes,
 * UTF-16 and Latin-1 encodings, byte-order marks, CRLF line ends). {@link #check} runs a reader on
 * one input and accepts exactly two outcomes: it loads, or it raises a {@link UserInputException}
 * with a message that fits on a line; anything else fails the property. Counts per reader go to
 * {@code target/fuzz/READER.txt}, which docs/results/reliability.md quotes.
 */
public final class HostileInput {

    /** The most characters a user error may have: one readable line, not an echo of a huge field. */
    public static final int MAX_MESSAGE = 1200;

    private static final Map<String, long[]> TALLY = new ConcurrentHashMap<>();
    private static final Map<String, String> FIRST_ERROR = new ConcurrentHashMap<>();

    private HostileInput() {
    }

    /** Hostile variants around {@code validSamples}, written in UTF-8; {@code alphabet} is the format's own characters. */
    public static Arbitrary<byte[]> around(String alphabet, String... validSamples) {
        return aroundBytes(alphabet, java.util.Arrays.stream(validSamples).map(s -> s.getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new));
    }

    /** Hostile variants around {@code validSamples} given as bytes (a model.zip, say). */
    public static Arbitrary<byte[]> aroundBytes(String alphabet, byte[]... validSamples) {
        Arbitrary<byte[]> valid = Arbitraries.of(validSamples);
        Arbitrary<byte[]> randomBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(3000);
        Arbitrary<byte[]> garbage = Arbitraries.strings().withChars(alphabet).ofMaxLength(600)
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> anyText = Arbitraries.strings().all().ofMaxLength(300).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> mutated = Combinators.combine(valid, Arbitraries.integers().between(0, 9),
                Arbitraries.longs(), Arbitraries.integers().between(1, 6)).as(HostileInput::mutate);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, randomBytes),
                net.jqwik.api.Tuple.of(2, garbage),
                net.jqwik.api.Tuple.of(1, anyText),
                net.jqwik.api.Tuple.of(6, mutated),
                net.jqwik.api.Tuple.of(1, mutated.flatMap(b -> Combinators.combine(Arbitraries.just(b),
                        Arbitraries.integers().between(0, 9), Arbitraries.longs(), Arbitraries.integers().between(1, 6))
                        .as(HostileInput::mutate))));
    }

    /** Encodings a person would consider the same valid file: byte-order mark, CRLF, both. */
    public static Arbitrary<byte[]> validVariants(String... validSamples) {
        return Combinators.combine(Arbitraries.of(validSamples), Arbitraries.of(false, true), Arbitraries.of(false, true))
                .as((text, bom, crlf) -> {
                    String t = crlf ? text.replace("\n", "\r\n") : text;
                    return ((bom ? "\uFEFF" : "") + t).getBytes(StandardCharsets.UTF_8);
                });
    }

    private static byte[] mutate(byte[] bytes, int kind, long seed, int count) {
        java.util.Random random = new java.util.Random(seed);
        String text = new String(bytes, StandardCharsets.UTF_8);
        switch (kind) {
            case 0: // truncated anywhere, even inside a multi-byte character
                return java.util.Arrays.copyOf(bytes, bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1));
            case 1: { // bytes flipped
                byte[] out = bytes.clone();
                for (int i = 0; i < count && out.length > 0; i++) {
                    out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                }
                return out;
            }
            case 2: // a huge field: a long run of one character inside the file
                return insert(bytes, random, repeat("a1.9,\"\t ".charAt(random.nextInt(8)), 20_000 + random.nextInt(200_000)));
            case 3: // a very long line of digits and separators
                return insert(bytes, random, repeat('7', 100_000) + "\n");
            case 4:
                return text.getBytes(random.nextBoolean() ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
            case 5:
                return (text + "é\u00e8ü").getBytes(StandardCharsets.ISO_8859_1);
            case 6: // NUL bytes and other control characters
                return insert(bytes, random, "\u0000\u0001\u001b\u0000".repeat(count));
            case 7: { // the format's separators and quotes in random places
                String separators = ",\t\"\n\r ;'\\";
                return insert(bytes, random, String.valueOf(separators.charAt(random.nextInt(separators.length()))).repeat(count));
            }
            case 8: { // lines duplicated, dropped or swapped
                List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
                for (int i = 0; i < count && !lines.isEmpty(); i++) {
                    int at = random.nextInt(lines.size());
                    switch (random.nextInt(3)) {
                        case 0 -> lines.add(at, lines.get(at));
                        case 1 -> lines.remove(at);
                        default -> java.util.Collections.swap(lines, at, random.nextInt(lines.size()));
                    }
                }
                return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            }
            default: // byte-order marks and CRLF in odd places
                return insert(text.replace("\n", random.nextBoolean() ? "\r\n" : "\r").getBytes(StandardCharsets.UTF_8), random,
                        "\uFEFF");
        }
    }

    private static byte[] insert(byte[] bytes, java.util.Random random, String what) {
        int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(what.getBytes(StandardCharsets.UTF_8));
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static String repeat(char c, int n) {
        return String.valueOf(c).repeat(n);
    }

    /**
     * Runs {@code reader} on {@code input}: a load or a short {@link UserInputException} passes, anything
     * else (another exception, an error, more than 20 s) fails. Counted under {@code name}.
     */
    public static <T> void check(String name, byte[] input, Function<byte[], T> reader) {
        long[] tally = TALLY.computeIfAbsent(name, k -> new long[4]);
        long start = System.nanoTime();
        try {
            reader.apply(input);
            synchronized (tally) {
                tally[0]++;
            }
        } catch (UserInputException e) {
            synchronized (tally) {
                tally[1]++;
            }
            String message = e.getMessage();
            if (message != null) {
                FIRST_ERROR.putIfAbsent(name, message.length() > 200 ? message.substring(0, 200) : message);
            }
            assertTrue(message != null && !message.isBlank(), "a user error says what is wrong");
            if (message.length() > MAX_MESSAGE) {
                fail(name + ": a one-line message, not " + message.length() + " characters: " + message.substring(0, 300));
            }
        } catch (Throwable e) {
            synchronized (tally) {
                tally[2]++;
            }
            write(name);
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            fail(name + ": neither a load nor a user error on " + input.length + " bytes starting "
                    + preview(input) + ":\n" + trace);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (seconds > 20) {
            synchronized (tally) {
                tally[3]++;
            }
            fail(name + ": " + seconds + " s on " + input.length + " bytes");
        }
    }

    /** The same as {@link #check} for readers that take a file: {@code input} is written to {@code file} first. */
    public static <T> void checkFile(String name, Path file, byte[] input, Function<Path, T> reader) {
        try {
            Files.write(file, input);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        check(name, input, bytes -> reader.apply(file));
    }

    /** Asserts that {@code reader} loads {@code input} (a file a person would call valid). */
    public static <T> T mustLoad(String name, byte[] input, Function<byte[], T> reader) {
        try {
            return reader.apply(input);
        } catch (UserInputException e) {
            fail(name + " refused a valid file (" + e.getMessage() + ") starting " + preview(input));
            return null;
        }
    }

    /** Writes the counts of {@code name} to {@code target/fuzz/NAME.txt}. */
    public static void write(String name) {
        long[] t = TALLY.getOrDefault(name, new long[4]);
        try {
            Path dir = Files.createDirectories(Path.of("target", "fuzz"));
            Files.writeString(dir.resolve(name + ".txt"), String.format(java.util.Locale.ROOT,
                    "%s: %d inputs, %d loaded, %d user errors, %d other outcomes, %d slower than 20 s%nfirst user error: %s%n",
                    name, t[0] + t[1] + t[2], t[0], t[1], t[2], t[3], FIRST_ERROR.getOrDefault(name, "none")));
        } catch (IOException e) {
            // the figures file is a convenience; the assertions already ran
        }
    }

    private static String preview(byte[] input) {
        String s = new String(input, 0, Math.min(80, input.length), StandardCharsets.UTF_8);
        return "'" + s.replace("\n", "\\n").replace("\r", "\\r") + "'";
    }
}
