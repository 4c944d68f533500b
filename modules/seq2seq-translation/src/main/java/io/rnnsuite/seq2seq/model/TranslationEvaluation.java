package io.rnnsuite.seq2seq.model;

import io.rnnsuite.common.eval.ChrF;
import io.rnnsuite.common.eval.CorpusBleu;
import io.rnnsuite.datasets.SentencePair;
import io.rnnsuite.seq2seq.data.Tokenization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How well a translator does on a set of pairs: exact-match accuracy, corpus BLEU (whitespace
 * words), chrF, accuracy by source length (in tokens, bucketed), decoding speed, and the
 * translations themselves for reports.
 *
 * @param pairs          the evaluated pairs (those that fit the model's length limits)
 * @param translations   the model's output for each pair
 * @param correct        whether each output equals its reference
 * @param skipped        pairs left out: source longer than the model's maximum or with tokens it never saw
 * @param exactMatch     share of outputs equal to the reference (after the tokenization's normalisation)
 * @param bleu           corpus BLEU in [0, 1]
 * @param chrF           chrF in [0, 1]
 * @param byLength       exact-match accuracy by source-length bucket ({@code "1-10"} → accuracy, count)
 * @param beamWidth      decoding beam width (1 = greedy; 0 for a baseline's outputs)
 * @param seconds        decoding wall-clock seconds
 */
public record TranslationEvaluation(List<SentencePair> pairs, List<Translation> translations, List<Boolean> correct,
                                    int skipped, double exactMatch,
                                    double bleu, double chrF, Map<String, double[]> byLength, int beamWidth,
                                    double seconds) {

    /** Width of the source-length buckets, in tokens. */
    public static final int BUCKET = 10;

    /** Translates every pair's source and scores the outputs. Pairs too long for the model are left out. */
    public static TranslationEvaluation of(Translator translator, List<SentencePair> pairs, int beamWidth) {
        List<SentencePair> kept = pairs.stream().filter(p -> fits(translator, p)).toList();
        long start = System.nanoTime();
        List<Translation> outputs = kept.isEmpty() ? List.of()
                : translator.translate(kept.stream().map(SentencePair::source).toList(), beamWidth);
        double seconds = (System.nanoTime() - start) / 1e9;
        return score(kept, outputs, pairs.size() - kept.size(), translator.codec().tokenization(), beamWidth, seconds);
    }

    /**
     * Scores outputs that did not come from a translator (a baseline's), with the same code.
     *
     * @param outputs one output text per pair, in pair order
     */
    public static TranslationEvaluation ofOutputs(List<SentencePair> pairs, List<String> outputs, Tokenization tokenization,
                                                  double seconds) {
        List<Translation> translations = outputs.stream()
                .map(o -> new Translation(tokenization.normalise(o), List.of(), 0, false)).toList();
        return score(pairs, translations, 0, tokenization, 0, seconds);
    }

    private static TranslationEvaluation score(List<SentencePair> kept, List<Translation> outputs, int skipped,
                                               Tokenization tokenization, int beamWidth, double seconds) {
        CorpusBleu bleu = new CorpusBleu();
        ChrF chrF = new ChrF();
        int exact = 0;
        List<Boolean> correct = new ArrayList<>(kept.size());
        Map<Integer, int[]> buckets = new TreeMap<>();
        for (int i = 0; i < kept.size(); i++) {
            String reference = tokenization.normalise(kept.get(i).target());
            String hypothesis = outputs.get(i).text();
            boolean match = reference.equals(hypothesis);
            exact += match ? 1 : 0;
            correct.add(match);
            bleu.add(words(hypothesis), words(reference));
            chrF.add(hypothesis, reference);
            int bucket = (tokenization.tokenize(kept.get(i).source()).size() - 1) / BUCKET;
            int[] counts = buckets.computeIfAbsent(bucket, k -> new int[2]);
            counts[0] += match ? 1 : 0;
            counts[1]++;
        }
        Map<String, double[]> byLength = new LinkedHashMap<>();
        buckets.forEach((b, c) -> byLength.put((b * BUCKET + 1) + "-" + ((b + 1) * BUCKET), new double[]{(double) c[0] / c[1], c[1]}));
        return new TranslationEvaluation(kept, outputs, correct, skipped, kept.isEmpty() ? 0 : (double) exact / kept.size(),
                bleu.score(), chrF.score(), byLength, beamWidth, seconds);
    }

    /** Sentences translated per second. */
    public double sentencesPerSecond() {
        return seconds > 0 ? pairs.size() / seconds : 0;
    }

    /**
     * The headline scores under snake_case keys, each followed by {@code suffix}: {@code exact_match},
     * {@code bleu}, {@code chrf}, {@code sentences_per_second} (or {@code exact_match_beam}, ...).
     */
    public Map<String, Double> metrics(String suffix) {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("exact_match" + suffix, exactMatch);
        map.put("bleu" + suffix, bleu);
        map.put("chrf" + suffix, chrF);
        map.put("sentences_per_second" + suffix, sentencesPerSecond());
        return map;
    }

    /** Up to {@code limit} wrong translations, as (source, reference, output) rows. */
    public List<String[]> errors(int limit) {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < pairs.size() && rows.size() < limit; i++) {
            String output = translations.get(i).text();
            if (!correct.get(i)) {
                rows.add(new String[]{pairs.get(i).source(), pairs.get(i).target(), output});
            }
        }
        return rows;
    }

    /** Whether {@code translator} can translate the pair's source (known tokens, not too long). */
    public static boolean fits(Translator translator, SentencePair pair) {
        Tokenization tokenization = translator.codec().tokenization();
        int sourceLength = tokenization.tokenize(pair.source()).size();
        if (sourceLength == 0 || sourceLength > translator.config().maxSourceLength()) {
            return false;
        }
        return tokenization.tokenize(pair.source()).stream().allMatch(translator.codec().sourceVocabulary()::contains);
    }

    private static List<String> words(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
    }
}
