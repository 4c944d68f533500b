package io.rnnsuite.common.text;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Characters (Unicode code points) ↔ indices for character-level models. Index 0 is
 * {@link #UNK}, the stand-in for every character seen fewer than {@code minCount} times in the
 * text the vocabulary was built from (the training split only), or never seen. The other symbols
 * are in code-point order, so the same text always gives the same indices.
 */
public final class CharVocabulary {

    /** Index of the unknown-character symbol. */
    public static final int UNK = 0;
    /** How the unknown symbol is shown when decoding. */
    public static final String UNK_TEXT = "\uFFFD";

    private final List<Integer> codePoints;
    private final Map<Integer, Integer> index = new HashMap<>();

    /** @param codePoints the known characters, in index order starting at 1 (0 is {@link #UNK}) */
    @JsonCreator
    public CharVocabulary(@JsonProperty("codePoints") List<Integer> codePoints) {
        this.codePoints = List.copyOf(codePoints);
        for (int i = 0; i < this.codePoints.size(); i++) {
            if (index.put(this.codePoints.get(i), i + 1) != null) {
                throw new IllegalArgumentException("duplicate character U+" + Integer.toHexString(this.codePoints.get(i)));
            }
        }
    }

    /** Characters occurring at least {@code minCount} times in {@code text}; the rest map to UNK. */
    public static CharVocabulary build(String text, int minCount) {
        if (minCount < 1) {
            throw new UserInputException("--min-char-count must be at least 1, got " + minCount);
        }
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        text.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        List<Integer> kept = counts.entrySet().stream().filter(e -> e.getValue() >= minCount)
                .map(Map.Entry::getKey).collect(Collectors.toList());
        return new CharVocabulary(kept);
    }

    /** Known characters plus UNK. */
    public int size() {
        return codePoints.size() + 1;
    }

    /** The known characters in index order (index = position + 1); serialised as JSON. */
    @JsonProperty("codePoints")
    public List<Integer> codePoints() {
        return codePoints;
    }

    public boolean contains(int codePoint) {
        return index.containsKey(codePoint);
    }

    /** Index of a code point, {@link #UNK} when unknown. */
    public int indexOf(int codePoint) {
        return index.getOrDefault(codePoint, UNK);
    }

    /** Every code point of {@code text} as an index (unknown ones as {@link #UNK}). */
    public int[] encode(String text) {
        return text.codePoints().map(this::indexOf).toArray();
    }

    /** The text of one index ({@link #UNK_TEXT} for UNK). */
    public String symbol(int idx) {
        if (idx == UNK) {
            return UNK_TEXT;
        }
        return Character.toString(codePoints.get(idx - 1));
    }

    public String decode(int[] indices) {
        StringBuilder sb = new StringBuilder(indices.length);
        for (int i : indices) {
            sb.append(symbol(i));
        }
        return sb.toString();
    }

    /** The distinct characters of {@code text} that this vocabulary lacks, in order of appearance. */
    public Set<String> unknownCharacters(String text) {
        Set<String> missing = new LinkedHashSet<>();
        text.codePoints().filter(c -> !contains(c)).forEach(c -> missing.add(Character.toString(c)));
        return missing;
    }

    /** Shows a character so a user can read it in a one-line message ({@code 'é'}, {@code U+0007}). */
    public static String describe(String character) {
        int c = character.codePointAt(0);
        return Character.isISOControl(c) || Character.isWhitespace(c)
                ? String.format("U+%04X", c) : "'" + character + "'";
    }

    /** Writes the vocabulary as JSON, atomically. */
    public void save(Path file) throws IOException {
        Json.write(file, this);
    }

    public static CharVocabulary load(Path file) {
        try {
            return Json.read(file, CharVocabulary.class);
        } catch (IOException | RuntimeException e) {
            throw new UserInputException("cannot read the character vocabulary " + file + " (" + e.getMessage() + ")");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CharVocabulary other && other.codePoints.equals(codePoints);
    }

    @Override
    public int hashCode() {
        return codePoints.hashCode();
    }

    /** Every symbol's text in index order, UNK first (for reports and debugging). */
    public List<String> symbols() {
        List<String> all = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            all.add(symbol(i));
        }
        return all;
    }
}
