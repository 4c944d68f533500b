package io.rnnsuite.seq2seq.data;

import io.rnnsuite.datasets.SentencePair;
import io.rnnsuite.datasets.TranslationCatalog;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the sentence pairs come from: a generated dataset (name, how many pairs) or the user's
 * tab-separated file; optionally read in the reverse direction (target → source).
 *
 * @param dataset    a generated dataset name ({@code numbers-en-fr}, ...), or {@code null} with a file
 * @param pairsFile  the user's pairs file, or {@code null}
 * @param pairsCount how many pairs to generate (ignored for a file)
 * @param reverse    translate target → source
 */
public record PairSource(String dataset, Path pairsFile, int pairsCount, boolean reverse) {

    public static PairSource generated(String dataset, int pairsCount, boolean reverse) {
        return new PairSource(dataset, null, pairsCount, reverse);
    }

    public static PairSource file(Path pairsFile, boolean reverse) {
        return new PairSource(null, pairsFile, 0, reverse);
    }

    /** The pairs, in the requested direction; generated ones depend on {@code seed}. */
    public List<SentencePair> load(long seed) {
        List<SentencePair> pairs = pairsFile != null ? PairsFile.read(pairsFile)
                : TranslationCatalog.generate(dataset, pairsCount, seed);
        return reverse ? pairs.stream().map(SentencePair::reversed).toList() : pairs;
    }

    /** One line for reports: {@code numbers-en-fr (2000 pairs, reversed)} or the file path. */
    public String describe() {
        String base = pairsFile != null ? pairsFile.toString() : dataset + " (" + pairsCount + " generated pairs)";
        return reverse ? base + ", reversed" : base;
    }
}
