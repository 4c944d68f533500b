package io.rnnsuite.seq2seq.data;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.datasets.SentencePair;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the user's sentence pairs in the Tatoeba / Anki export format: one pair per line,
 * {@code source<TAB>target}, optionally followed by {@code <TAB>attribution} (ignored). Blank lines
 * are skipped; anything else that is not a pair is an error naming the file and line.
 */
public final class PairsFile {

    private PairsFile() {
    }

    /**
     * The pairs of {@code file}, in file order.
     *
     * @throws UserInputException for a missing or unreadable file, a line without a tab, an empty
     *                            side, or a file with no pairs at all
     */
    public static List<SentencePair> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("pairs file " + file + " does not exist");
        }
        List<SentencePair> pairs = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                pairs.add(parse(line, file, lineNumber));
            }
        } catch (CharacterCodingException e) {
            throw new UserInputException("pairs file " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UserInputException("cannot read pairs file " + file + ": " + e.getMessage());
        }
        if (pairs.isEmpty()) {
            throw new UserInputException("pairs file " + file + " holds no pairs (expected lines 'source<TAB>target')");
        }
        return pairs;
    }

    static SentencePair parse(String line, Path file, int lineNumber) {
        String[] fields = line.split("\t", -1);
        if (fields.length < 2) {
            throw new UserInputException(file + " line " + lineNumber + ": no tab; expected 'source<TAB>target[<TAB>attribution]'");
        }
        String source = fields[0].strip();
        String target = fields[1].strip();
        if (source.isEmpty() || target.isEmpty()) {
            throw new UserInputException(file + " line " + lineNumber + ": empty " + (source.isEmpty() ? "source" : "target")
                    + " sentence");
        }
        return new SentencePair(source, target);
    }
}
