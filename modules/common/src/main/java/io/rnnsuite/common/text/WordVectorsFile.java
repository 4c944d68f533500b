package io.rnnsuite.common.text;

import io.rnnsuite.common.UserInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads pretrained word vectors from a GloVe or word2vec <em>text</em> file: one word per line
 * followed by its values, separated by spaces or tabs. A word2vec header line ({@code count dim}) is
 * accepted as the first line. Every line must have the same number of values and every value must
 * be a number; otherwise a {@link UserInputException} names the file and the line. Words are
 * lower-cased (as {@link WordTokenizer} does) and the first occurrence of a word wins, which in
 * frequency-sorted files keeps the most frequent casing.
 */
public final class WordVectorsFile {

    private static final Pattern FIELDS = Pattern.compile("[ \\t]+");

    /**
     * Vectors read from a file.
     *
     * @param file      where they came from
     * @param dimension values per word
     * @param vectors   the kept words' vectors (lower-cased word → values)
     * @param wordsRead words in the file (kept or not)
     */
    public record WordVectors(Path file, int dimension, Map<String, float[]> vectors, int wordsRead) {

        /** The vector of {@code word}, or {@code null}. */
        public float[] get(String word) {
            return vectors.get(word);
        }
    }

    private WordVectorsFile() {
    }

    /**
     * Reads {@code file}, keeping the vectors of the (lower-cased) words {@code wanted} accepts;
     * every line is still checked.
     *
     * @throws UserInputException if the file is missing, empty, not UTF-8, or malformed
     */
    public static WordVectors read(Path file, Predicate<String> wanted) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        Map<String, float[]> vectors = new HashMap<>();
        int dimension = -1;
        int words = 0;
        int lineNumber = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1); // a byte-order mark is not part of the first word
                }
                String trimmed = line.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                String[] fields = FIELDS.split(trimmed);
                if (lineNumber == 1 && isHeader(fields)) {
                    dimension = Integer.parseInt(fields[1]);
                    continue;
                }
                if (dimension < 0) {
                    dimension = fields.length - 1;
                    if (dimension < 1) {
                        throw error(file, lineNumber, "expected a word followed by its vector values");
                    }
                }
                if (fields.length - 1 != dimension) {
                    throw error(file, lineNumber, "expected " + dimension + " values after the word, found "
                            + (fields.length - 1));
                }
                float[] values = parse(fields, file, lineNumber);
                words++;
                String word = fields[0].toLowerCase(Locale.ROOT);
                if (wanted.test(word)) {
                    vectors.putIfAbsent(word, values);
                }
            }
        } catch (NoSuchFileException e) {
            throw new UserInputException("embeddings file " + file + " does not exist");
        } catch (CharacterCodingException e) {
            throw new UserInputException("embeddings file " + file + " near line " + (lineNumber + 1)
                    + ": bytes that are not UTF-8 (a text vectors file is expected, not a binary word2vec file)");
        } catch (IOException e) {
            throw new UserInputException("embeddings file " + file + ": cannot read (" + e.getMessage() + ")");
        }
        if (words == 0) {
            throw new UserInputException("embeddings file " + file + " holds no word vectors");
        }
        return new WordVectors(file, dimension, vectors, words);
    }

    /** A word2vec header: exactly two positive integers (word count, dimension). */
    private static boolean isHeader(String[] fields) {
        return fields.length == 2 && fields[0].matches("\\d+") && fields[1].matches("[1-9]\\d{0,5}");
    }

    private static float[] parse(String[] fields, Path file, int line) {
        float[] values = new float[fields.length - 1];
        for (int i = 1; i < fields.length; i++) {
            try {
                values[i - 1] = Float.parseFloat(fields[i]);
            } catch (NumberFormatException e) {
                throw error(file, line, "value " + i + " '" + fields[i] + "' is not a number");
            }
            if (!Float.isFinite(values[i - 1])) {
                throw error(file, line, "value " + i + " '" + fields[i] + "' is not finite");
            }
        }
        return values;
    }

    private static UserInputException error(Path file, int line, String what) {
        return new UserInputException("embeddings file " + file + " line " + line + ": " + what);
    }
}
