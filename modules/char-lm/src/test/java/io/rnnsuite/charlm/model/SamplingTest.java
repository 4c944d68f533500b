package io.rnnsuite.charlm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.charlm.TinyCorpus;
import io.rnnsuite.charlm.data.OneHot;
import io.rnnsuite.common.CellType;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.text.CharVocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

class SamplingTest {

    private static final CharVocabulary VOCABULARY = CharVocabulary.build("abcdefgh ", 1);
    private final MultiLayerNetwork net = CharLmNetworks.create(TinyCorpus.config(CellType.LSTM, 1),
            VOCABULARY.size(), TinyCorpus.training(1, 1));

    @Test
    void tinyTemperatureIsGreedyArgmax() {
        String sampled = new CharSampler(net, VOCABULARY).sample("abc", new SamplingOptions(25, 1e-6, 0, 1L), s -> { });
        // Independent greedy decoding: full output() over the growing text, argmax excluding UNK.
        StringBuilder text = new StringBuilder("abc");
        StringBuilder greedy = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            double[] p = CharSampler.lastStep(net.output(OneHot.sequence(VOCABULARY.encode(text.toString()), VOCABULARY.size())));
            int best = 1;
            for (int v = 1; v < p.length; v++) {
                if (p[v] > p[best]) {
                    best = v;
                }
            }
            greedy.append(VOCABULARY.symbol(best));
            text.append(VOCABULARY.symbol(best));
        }
        assertEquals(greedy.toString(), sampled);
    }

    @Test
    void sameSeedSameSampleAndCharactersArriveAsGenerated() {
        CharSampler sampler = new CharSampler(net, VOCABULARY);
        List<String> streamed = new ArrayList<>();
        String first = sampler.sample("ab", new SamplingOptions(60, 1.0, 0, 9L), streamed::add);
        String second = sampler.sample("ab", new SamplingOptions(60, 1.0, 0, 9L), s -> { });
        String other = sampler.sample("ab", new SamplingOptions(60, 1.0, 0, 10L), s -> { });
        assertEquals(first, second);
        assertEquals(60, first.length());
        assertEquals(first, String.join("", streamed));
        assertNotEquals(first, other);
        assertTrue(first.chars().noneMatch(c -> c == CharVocabulary.UNK_TEXT.charAt(0)), "UNK is never drawn");
    }

    @Test
    void topKOneIsArgmaxAndTopKLimitsTheChoices() {
        double[] p = {0.05, 0.4, 0.3, 0.2, 0.05};
        Random random = new Random(1);
        for (int i = 0; i < 200; i++) {
            assertEquals(1, CharSampler.draw(p, new SamplingOptions(1, 1.0, 1, 1L), random));
            int drawn = CharSampler.draw(p, new SamplingOptions(1, 1.0, 2, 1L), random);
            assertTrue(drawn == 1 || drawn == 2, "drawn " + drawn);
        }
    }

    @Test
    void badSamplingInputIsAOneLineUserError() {
        assertTrue(assertThrows(UserInputException.class, () -> new SamplingOptions(10, 0.0, 0, 1L))
                .getMessage().contains("--temperature"));
        assertTrue(assertThrows(UserInputException.class, () -> new SamplingOptions(10, -1.0, 0, 1L))
                .getMessage().contains("--temperature"));
        assertTrue(assertThrows(UserInputException.class, () -> new SamplingOptions(10, 1.0, -1, 1L))
                .getMessage().contains("--top-k"));
        UserInputException unknown = assertThrows(UserInputException.class,
                () -> new CharSampler(net, VOCABULARY).sample("abz€z", SamplingOptions.defaults(), s -> { }));
        assertTrue(unknown.getMessage().contains("'z', '€'"), unknown.getMessage());
    }

    @Test
    void predictiveStepsGiveTheSameDistributionsThroughTheStepperAndThroughRnnTimeStep() {
        CharSampler fast = new CharSampler(net, VOCABULARY);
        CharSampler reference = new CharSampler(net, VOCABULARY, false);
        assertTrue(fast.stepsWithoutDl4j() && !reference.stepsWithoutDl4j());
        int[] text = VOCABULARY.encode("bad cafe");
        int[] continuation = VOCABULARY.encode("hg a");
        for (int round = 0; round < 2; round++) { // again after clearing: nothing of the first round remains
            assertClose(reference.startFrom(text), fast.startFrom(text), "after the text");
            for (int symbol : continuation) {
                assertClose(reference.continueWith(symbol), fast.continueWith(symbol), "after " + symbol);
            }
            fast.clearState();
            reference.clearState();
        }
        double[] whole = CharSampler.lastStep(net.output(OneHot.sequence(text, VOCABULARY.size())));
        assertClose(whole, fast.startFrom(text), "the full pass");
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5, what + ", symbol " + i);
        }
    }
}
