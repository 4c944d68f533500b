package io.rnnsuite.textclf.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.SequencePooling;
import io.rnnsuite.common.explain.CellReplay;
import io.rnnsuite.common.explain.LayerTrace;
import io.rnnsuite.common.explain.ReplayNetworks;
import io.rnnsuite.common.explain.StateValues;
import io.rnnsuite.common.text.Vocabulary;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.datasets.TextCatalog;
import io.rnnsuite.textclf.TextClassificationConfig;
import io.rnnsuite.textclf.data.TextEncoder;
import io.rnnsuite.textclf.data.TextSource;
import io.rnnsuite.textclf.model.RecurrentTextClassifier;
import io.rnnsuite.textclf.model.TextClassifierNetwork;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The classifier's explain numbers on hand-built networks: occlusion, running prediction, states. */
class ClassifierExplainerTest {

    private static final Vocabulary VOCABULARY = new Vocabulary(List.of(Vocabulary.PAD, Vocabulary.UNK, "filler", "good",
            "bad", "movie", "not", "plot", "(", ")"));
    private static final List<String> LABELS = List.of("negative", "positive");

    static RecurrentTextClassifier classifier(RecurrentSpec spec, SequencePooling pooling, int maxLength, int embedding) {
        TrainingConfig training = new TrainingConfig(1, 8, 0.01, 1, 1.0, 3L, 0, 0);
        TextClassificationConfig config = new TextClassificationConfig(TextSource.bundled(TextCatalog.GLOSS_SENTIMENT, false),
                maxLength, 1, 0, embedding, spec, pooling, 0.1, 0.1, training, null);
        MultiLayerNetwork net = TextClassifierNetwork.build(config, VOCABULARY.size(), LABELS.size());
        ReplayNetworks.perturb(net, 0.5, 17);
        return new RecurrentTextClassifier(net, VOCABULARY, new RecurrentTextClassifier.Description(
                spec.cell().name().toLowerCase(java.util.Locale.ROOT), LABELS), config);
    }

    private static ClassifierExplainResult explain(RecurrentTextClassifier classifier, String... texts) {
        List<ClassifierExplainer.Input> inputs = new java.util.ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            inputs.add(new ClassifierExplainer.Input(texts[i], null, "text " + (i + 1)));
        }
        return ClassifierExplainer.explain(new ClassifierExplainer.Request(classifier, "test model", inputs, "the test",
                ClassWords.none(), 4, null));
    }

    @Test
    void leavingOutAWordTheModelIgnoresChangesNothing() {
        // a GRU whose update gate closes on "filler": h = (1 - z) n + z h with z = 1 keeps the state exactly
        RecurrentTextClassifier classifier = classifier(new RecurrentSpec(CellType.GRU, 4, 1, false, 0.0), SequencePooling.LAST, 40, 3);
        MultiLayerNetwork net = classifier.network();
        INDArray embedding = net.getLayer(0).getParam(TextClassifierNetwork.EMBEDDING_WEIGHTS);
        for (int word = 0; word < VOCABULARY.size(); word++) {
            embedding.putScalar(word, 0, word == VOCABULARY.indexOf("filler") ? 1 : 0);
        }
        INDArray w = net.getLayer(1).getParam("W"); // [embedding, 3H], blocks [reset | update | candidate]
        for (int unit = 0; unit < 4; unit++) {
            w.putScalar(0, 4 + unit, 60);
        }

        ClassifierExplainResult result = explain(classifier, "good movie filler bad plot", "filler");

        ClassifierExplainResult.TextView view = result.texts().get(0);
        assertEquals("filler", view.words().get(2));
        assertEquals(0.0, view.influence()[2], 1e-6, "the ignored word");
        double others = 0;
        for (int i : new int[] {0, 1, 3, 4}) {
            others = Math.max(others, Math.abs(view.influence()[i]));
        }
        assertTrue(others > 1e-3, "the other words do count: " + java.util.Arrays.toString(view.influence()));
        assertNull(result.texts().get(1).influence(), "nothing is left of a one-word text without its word");
        LayerTrace trace = CellReplay.run(net, TextEncoder.batch(List.of(VOCABULARY.encode(view.words()))).features()).get(0);
        for (double z : trace.gates().get("update")[2]) {
            assertEquals(1.0, z, 1e-9, "the update gate is shut at the ignored word");
        }
    }

    @Test
    void runningPredictionEndsAtTheModelsPredictionAndStatesAreTheNetworks() {
        RecurrentTextClassifier classifier = classifier(new RecurrentSpec(CellType.LSTM, 5, 2, true, 0.0), null, 6, 4);
        String[] texts = {"good movie not bad", "bad", "( plot ) not good movie unseen good bad", "good good"};

        ClassifierExplainResult result = explain(classifier, texts);

        assertEquals(2, result.directions());
        assertEquals(5, result.hiddenSize());
        assertEquals("last", result.pooling(), "stacked bidirectional layers pool the last step");
        int steps = 0;
        for (int i = 0; i < texts.length; i++) {
            // the model's prediction for the text alone
            double[] expected = classifier.probabilities(List.of(texts[i]))[0];
            ClassifierExplainResult.TextView view = result.texts().get(i);
            assertEquals(steps, view.start());
            steps += view.words().size();
            assertArrayEquals(expected, view.running()[view.words().size() - 1], 2e-6, texts[i]);
            assertArrayEquals(expected, view.probabilities(), 2e-6, texts[i]);
            assertEquals(LABELS.get(expected[1] > expected[0] ? 1 : 0), view.predicted());
            if (view.words().size() > 2) {
                String prefix = String.join(" ", view.words().subList(0, 2));
                assertArrayEquals(classifier.probabilities(List.of(prefix))[0], view.running()[1], 2e-6, prefix);
            }
        }
        ClassifierExplainResult.TextView view = result.texts().get(0);
        int predicted = LABELS.indexOf(view.predicted());
        double without = classifier.probabilities(List.of("good not bad"))[0][predicted];
        assertEquals(view.probabilities()[predicted] - without, view.influence()[1], 2e-6, "occlusion of 'movie', alone");
        // in a padded batch (beside a longer text) this stacked bidirectional model answers as for the text alone
        double padded = classifier.probabilities(List.of(texts[0], texts[2]))[0][predicted];
        assertEquals(view.probabilities()[predicted], padded, 2e-6, "padded");

        ClassifierExplainResult.TextView cut = result.texts().get(2);
        assertEquals(9, cut.tokens());
        assertEquals(6, cut.words().size(), "cut to the maximum length, as the model reads it");
        assertEquals(List.of(true, true, true, true, true, true), cut.known());

        // every unit's state at every word equals the network's own layer output
        for (StateValues states : result.activations()) {
            if (!states.state().equals("hidden")) {
                continue;
            }
            for (int i = 0; i < texts.length; i++) {
                ClassifierExplainResult.TextView text = result.texts().get(i);
                INDArray features = TextEncoder.batch(List.of(VOCABULARY.encode(text.words()))).features();
                double[][] own = ReplayNetworks.ownStates(classifier.network(), features, 1 + states.layer(), 1).get(0);
                for (int t = 0; t < own.length; t++) {
                    for (int j = 0; j < 10; j++) {
                        assertEquals(own[t][j], states.values()[j][text.start() + t], 2e-5,
                                "layer " + states.layer() + " unit " + j + " text " + i + " word " + t);
                    }
                }
            }
        }
        assertEquals(2 * ClassifierExplainer.KEPT_UNITS, result.longMemory().size());
        assertEquals(List.of("forget", "input", "output", "hidden", "forget", "input", "output", "hidden"),
                result.saturation().stream().map(p -> p.values()).toList());
        assertEquals(10, result.saturation().get(0).left().length, "both directions' units");
    }
}
