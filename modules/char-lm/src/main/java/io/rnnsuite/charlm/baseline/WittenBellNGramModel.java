package io.rnnsuite.charlm.baseline;

import io.rnnsuite.charlm.model.NextCharModel;

/**
 * An interpolated Witten–Bell character n-gram model: for a history h with c(h) occurrences
 * followed by N1+(h·) distinct characters,
 * {@code P(w | h) = (c(h w) + N1+(h·) · P(w | h')) / (c(h) + N1+(h·))}, where h' drops the oldest
 * character; the recursion ends in the uniform distribution over the vocabulary. Each level is a
 * mixture of a normalised count distribution and a normalised lower level, so every conditional
 * distribution sums to 1 and no character has probability 0.
 */
public final class WittenBellNGramModel implements NextCharModel {

    /** Symbols are packed 12 bits each into a long key, with the n-gram length in the top bits. */
    private static final int BITS = 12;
    /** Highest order the key packing allows (4 bits of length, 12 bits per symbol, 60 bits in all). */
    public static final int MAX_ORDER = 5;

    private final int order;
    private final int vocabularySize;
    /** Counts of n-grams (length 1..order). */
    private final NGramCounts ngrams = new NGramCounts();
    /** Per history (length 0..order-1): how often it is followed by something, and by how many distinct characters. */
    private final NGramCounts historyTotals = new NGramCounts();
    private final NGramCounts historyTypes = new NGramCounts();

    public WittenBellNGramModel(int[] train, int vocabularySize, int order) {
        if (order < 1 || order > MAX_ORDER) {
            throw new IllegalArgumentException("order must be 1.." + MAX_ORDER);
        }
        if (vocabularySize > (1 << BITS)) {
            throw new IllegalArgumentException("vocabulary over " + (1 << BITS) + " symbols");
        }
        this.order = order;
        this.vocabularySize = vocabularySize;
        for (int i = 0; i < train.length; i++) {
            for (int n = 1; n <= order && n <= i + 1; n++) {
                long gram = key(train, i - n + 1, n);
                long history = key(train, i - n + 1, n - 1);
                historyTotals.add(history, 1);
                if (ngrams.add(gram, 1) == 1) {
                    historyTypes.add(history, 1);
                }
            }
        }
    }

    @Override
    public String name() {
        return order + "-gram Witten-Bell";
    }

    /** P(next | the up to order−1 characters of {@code context} ending just before {@code end}). */
    public double probability(int[] context, int end, int next) {
        int longest = Math.min(order - 1, end);
        double p = 1.0 / vocabularySize;
        int[] gram = new int[longest + 1];
        System.arraycopy(context, end - longest, gram, 0, longest);
        gram[longest] = next;
        for (int h = 0; h <= longest; h++) {
            int start = longest - h;
            long history = key(gram, start, h);
            int total = historyTotals.get(history);
            if (total == 0) {
                continue; // unseen history: no evidence at this level, keep the lower-order estimate
            }
            int types = historyTypes.get(history);
            int count = ngrams.get(key(gram, start, h + 1));
            p = (count + types * p) / (total + (double) types);
        }
        return p;
    }

    @Override
    public double totalNats(int[] text) {
        double nats = 0;
        for (int i = 1; i < text.length; i++) {
            nats -= Math.log(probability(text, i, text[i]));
        }
        return nats;
    }

    private static long key(int[] symbols, int from, int length) {
        long key = length;
        for (int i = 0; i < length; i++) {
            key = (key << BITS) | symbols[from + i];
        }
        return key;
    }
}
