package io.rnnsuite.charlm.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.charlm.TinyCorpus;
import io.rnnsuite.charlm.model.NextCharModel;
import io.rnnsuite.common.eval.LanguageModelMetrics;
import io.rnnsuite.common.text.CharVocabulary;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MetricsAndBaselinesTest {

    /** A model that predicts P(a)=1/2, P(b)=1/4, P(c)=1/4 whatever the context. */
    private static final class FixedModel implements NextCharModel {
        private final double[] p = {0.5, 0.25, 0.25};

        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public double totalNats(int[] text) {
            double nats = 0;
            for (int i = 1; i < text.length; i++) {
                nats -= Math.log(p[text[i]]);
            }
            return nats;
        }
    }

    @Test
    void perplexityAndBitsPerCharacterOfAHandMadeDistribution() {
        // Targets a, b, c, a: -ln(1/2) - ln(1/4) - ln(1/4) - ln(1/2) = 6 ln 2 nats over 4 characters = 1.5 bits each.
        LanguageModelMetrics m = new FixedModel().evaluate(new int[] {0, 0, 1, 2, 0});
        assertEquals(4, m.symbols());
        assertEquals(1.5 * Math.log(2), m.crossEntropy(), 1e-12);
        assertEquals(1.5, m.bitsPerSymbol(), 1e-12);
        assertEquals(Math.pow(2, 1.5), m.perplexity(), 1e-12);
    }

    @Test
    void nGramDistributionsSumToOneForSeenAndUnseenContexts() {
        CharVocabulary vocabulary = CharVocabulary.build(TinyCorpus.text(2000, 1), 1);
        int[] train = vocabulary.encode(TinyCorpus.text(2000, 1));
        int v = vocabulary.size();
        Random random = new Random(2);
        for (int order = 1; order <= WittenBellNGramModel.MAX_ORDER; order++) {
            WittenBellNGramModel model = new WittenBellNGramModel(train, v, order);
            for (int trial = 0; trial < 30; trial++) {
                int[] context = new int[6];
                if (trial % 2 == 0) {
                    int start = random.nextInt(train.length - 6);
                    System.arraycopy(train, start, context, 0, 6);
                } else {
                    for (int i = 0; i < 6; i++) {
                        context[i] = random.nextInt(v);
                    }
                }
                int end = trial % 6 + 1;
                double sum = 0;
                for (int next = 0; next < v; next++) {
                    double p = model.probability(context, end, next);
                    assertTrue(p > 0, "no zero probabilities");
                    sum += p;
                }
                assertEquals(1.0, sum, 1e-9, "order " + order + " trial " + trial);
            }
        }
        UnigramModel unigram = new UnigramModel(train, v);
        double sum = 0;
        for (int next = 0; next < v; next++) {
            sum += unigram.probability(next);
        }
        assertEquals(1.0, sum, 1e-12);
    }

    @Test
    void higherOrderNGramPredictsRepetitiveTextBetter() {
        String text = TinyCorpus.text(20_000, 4);
        CharVocabulary vocabulary = CharVocabulary.build(text, 1);
        int[] all = vocabulary.encode(text);
        int[] train = java.util.Arrays.copyOfRange(all, 0, 18_000);
        int[] heldOut = java.util.Arrays.copyOfRange(all, 18_000, all.length);
        double unigram = new UnigramModel(train, vocabulary.size()).evaluate(heldOut).bitsPerSymbol();
        double fiveGram = new WittenBellNGramModel(train, vocabulary.size(), 5).evaluate(heldOut).bitsPerSymbol();
        assertTrue(fiveGram < unigram - 1.0, "5-gram " + fiveGram + " vs unigram " + unigram);
    }
}
