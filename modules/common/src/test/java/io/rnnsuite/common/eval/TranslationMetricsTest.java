package io.rnnsuite.common.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link CorpusBleu} and {@link ChrF} against examples computed by hand. */
class TranslationMetricsTest {

    private static List<String> words(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split(" "));
    }

    @Test
    void identicalSentencesScoreOne() {
        assertEquals(1.0, CorpusBleu.score(List.of(words("a b c d e")), List.of(words("a b c d e"))), 1e-12);
        assertEquals(1.0, ChrF.score(List.of("abc def"), List.of("abcdef")), 1e-12);
    }

    @Test
    void noMatchesScoreZero() {
        assertEquals(0.0, CorpusBleu.score(List.of(words("x y z w")), List.of(words("a b c d"))), 0);
        assertEquals(0.0, ChrF.score(List.of("xyz"), List.of("abc")), 0);
        // unigrams match but no 4-gram does: unsmoothed BLEU is 0
        assertEquals(0.0, CorpusBleu.score(List.of(words("d c b a")), List.of(words("a b c d"))), 0);
    }

    @Test
    void bleuByHandWithBrevityPenalty() {
        // candidate "a b c d" (4) vs reference "a b c d e f" (6): all precisions 1,
        // BP = exp(1 - 6/4) = exp(-0.5)
        CorpusBleu bleu = new CorpusBleu().add(words("a b c d"), words("a b c d e f"));
        assertEquals(Math.exp(-0.5), bleu.brevityPenalty(), 1e-12);
        assertEquals(Math.exp(-0.5), bleu.score(), 1e-12);
    }

    @Test
    void bleuByHandWithPartialMatchesAndClipping() {
        // candidate "a b c d x" vs reference "a b c d e": p1 = 4/5, p2 = 3/4, p3 = 2/3, p4 = 1/2, BP = 1
        CorpusBleu bleu = new CorpusBleu().add(words("a b c d x"), words("a b c d e"));
        double expected = Math.pow(0.8 * 0.75 * (2.0 / 3) * 0.5, 0.25);
        assertEquals(expected, bleu.score(), 1e-12);
        // clipping: "the the the" against "the cat": unigram precision 1/3
        CorpusBleu clipped = new CorpusBleu().add(words("the the the"), words("the cat"));
        assertEquals(1.0 / 3, clipped.precision(1), 1e-12);
    }

    @Test
    void bleuIsCorpusLevelNotAnAverage() {
        // sums counts over sentences: p1 = (4+0)/(4+1), and the 1-word second sentence adds no 2..4-grams
        CorpusBleu bleu = new CorpusBleu().add(words("a b c d"), words("a b c d")).add(words("x"), words("y"));
        assertEquals(4.0 / 5, bleu.precision(1), 1e-12);
        assertEquals(1.0, bleu.precision(4), 1e-12);
        assertEquals(Math.pow(0.8, 0.25), bleu.score(), 1e-12);
    }

    @Test
    void chrFByHand() {
        // "ab" vs "abc": order 1 P = 2/2, R = 2/3; order 2 P = 1/1, R = 1/2; orders 3..6: hyp has no
        // n-grams (P 0), ref has one 3-gram (R 0). chrP = 2/6, chrR = (2/3 + 1/2)/6.
        double p = 2.0 / 6;
        double r = (2.0 / 3 + 0.5) / 6;
        double expected = 5 * p * r / (4 * p + r);
        assertEquals(expected, ChrF.score(List.of("ab"), List.of("abc")), 1e-12);
    }
}
