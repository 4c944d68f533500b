package io.rnnsuite.common.text;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.rnnsuite.common.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Token ↔ index. Index 0 is {@link #PAD} (padding, never a real token) and 1 is {@link #UNK}
 * (any token not kept); real tokens follow, most frequent first (ties alphabetical, so the same
 * texts always give the same vocabulary). Build it from the training split only, so validation and
 * test words the model never saw map to UNK as they will in use. Saved as JSON beside the model.
 */
public final class Vocabulary {

    public static final String PAD = "<pad>";
    public static final String UNK = "<unk>";
    /** Start-of-sequence marker, for encoder–decoder apps that add it with {@link #build}'s extras. */
    public static final String BOS = "<bos>";
    /** End-of-sequence marker, for encoder–decoder apps. */
    public static final String EOS = "<eos>";
    public static final int PAD_INDEX = 0;
    public static final int UNK_INDEX = 1;

    private final List<String> tokens;
    private final Map<String, Integer> index;

    @JsonCreator
    public Vocabulary(@JsonProperty("tokens") List<String> tokens) {
        if (tokens.size() < 2 || !PAD.equals(tokens.get(0)) || !UNK.equals(tokens.get(1))) {
            throw new IllegalArgumentException("a vocabulary starts with " + PAD + " and " + UNK);
        }
        this.tokens = List.copyOf(tokens);
        this.index = new HashMap<>(tokens.size() * 2);
        for (int i = 0; i < tokens.size(); i++) {
            index.putIfAbsent(tokens.get(i), i);
        }
    }

    /**
     * Counts tokens and keeps those seen at least {@code minCount} times, at most {@code maxSize}
     * entries in all (PAD, UNK and {@code extras} included).
     *
     * @param tokenizedTexts the training texts, tokenized
     * @param minCount       least count to keep a token (1 keeps all)
     * @param maxSize        most entries, 0 = no limit
     * @param extras         special tokens placed right after UNK (e.g. {@link #BOS}, {@link #EOS})
     */
    public static Vocabulary build(Collection<? extends List<String>> tokenizedTexts, int minCount, int maxSize,
                                   String... extras) {
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be at least 1, got " + minCount);
        }
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> text : tokenizedTexts) {
            for (String token : text) {
                counts.merge(token, 1, Integer::sum);
            }
        }
        List<String> kept = new ArrayList<>(List.of(PAD, UNK));
        kept.addAll(List.of(extras));
        counts.keySet().removeAll(kept);
        counts.entrySet().stream()
                .filter(e -> e.getValue() >= minCount)
                .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey)
                .limit(maxSize > 0 ? Math.max(0, maxSize - kept.size()) : Long.MAX_VALUE)
                .forEach(kept::add);
        return new Vocabulary(kept);
    }

    /** Every entry, by index (serialised form). */
    @JsonProperty("tokens")
    public List<String> tokens() {
        return tokens;
    }

    public int size() {
        return tokens.size();
    }

    /** Index of {@code token}, or {@link #UNK_INDEX}. */
    public int indexOf(String token) {
        return index.getOrDefault(token, UNK_INDEX);
    }

    public boolean contains(String token) {
        return index.containsKey(token);
    }

    public String token(int i) {
        return tokens.get(i);
    }

    /** Indices of {@code tokens}; unknown tokens become {@link #UNK_INDEX}. */
    public int[] encode(List<String> text) {
        int[] out = new int[text.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = indexOf(text.get(i));
        }
        return out;
    }

    /** Writes the vocabulary atomically as JSON. */
    public void save(Path file) throws IOException {
        Json.write(file, this);
    }

    public static Vocabulary load(Path file) throws IOException {
        return Json.read(file, Vocabulary.class);
    }
}
