package io.rnnsuite.seq2seq.data;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.text.WordTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a sentence becomes tokens: one token per character (the default: small vocabularies, no
 * unknown words for spelled-out numbers), or lower-cased words (shorter sequences).
 */
public enum Tokenization {
    /** Every Unicode code point is a token, spaces included; text is kept as it is. */
    CHARACTER,
    /** Lower-cased words and punctuation marks ({@link WordTokenizer}); joined back with spaces. */
    WORD;

    private static final WordTokenizer WORDS = new WordTokenizer();

    public List<String> tokenize(String text) {
        if (this == WORD) {
            return WORDS.tokenize(text);
        }
        List<String> tokens = new ArrayList<>(text.length());
        text.codePoints().forEach(c -> tokens.add(new String(Character.toChars(c))));
        return tokens;
    }

    /** The text of {@code tokens}: concatenated characters, or words separated by single spaces. */
    public String join(List<String> tokens) {
        return String.join(this == WORD ? " " : "", tokens);
    }

    /** The text as this tokenization sees it (lower-cased and re-spaced for words), for comparing outputs. */
    public String normalise(String text) {
        return join(tokenize(text));
    }

    /** {@code character} or {@code word}, as typed on the command line. */
    public static Tokenization parse(String text) {
        String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "character", "char", "chars" -> CHARACTER;
            case "word", "words" -> WORD;
            default -> throw new UserInputException("unknown --tokens '" + text + "': expected character or word");
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
