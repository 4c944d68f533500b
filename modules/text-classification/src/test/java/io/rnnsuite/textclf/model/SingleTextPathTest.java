package io.rnnsuite.textclf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentImpl;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.SequencePooling;
import io.rnnsuite.common.text.Vocabulary;
import io.rnnsuite.textclf.TextClassificationConfig;
import io.rnnsuite.textclf.embedding.EmbeddingSource;
import io.rnnsuite.layers.FastForward;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** A few texts through the fast single-sequence path give the padded batch's probabilities. */
class SingleTextPathTest {

    private static final Vocabulary VOCABULARY = new Vocabulary(List.of(Vocabulary.PAD, Vocabulary.UNK, "good", "bad",
            "movie", "not", "plot", "the", "a"));
    private static final List<String> LABELS = List.of("negative", "neutral", "positive");

    private static void assertBothPathsAgree(TextClassificationConfig config, boolean fastPathExpected) {
        MultiLayerNetwork net = TextClassifierNetwork.build(config, VOCABULARY.size(), LABELS.size());
        Nd4j.getRandom().setSeed(11);
        net.params().addi(Nd4j.rand(net.params().dataType(), net.params().shape()).subi(0.5).muli(0.6));
        assertEquals(fastPathExpected, FastForward.of(net).isPresent(), String.valueOf(FastForward.unsupportedReason(net)));
        RecurrentTextClassifier.Description description = new RecurrentTextClassifier.Description("m", LABELS);
        RecurrentTextClassifier fast = new RecurrentTextClassifier(net, VOCABULARY, description, config);
        RecurrentTextClassifier reference = new RecurrentTextClassifier(net, VOCABULARY, description, config, false);
        for (List<String> texts : List.of(List.of("not a good movie"),
                List.of("the plot", "bad bad movie , unknownword not good the plot a", "good"))) {
            double[][] a = fast.probabilities(texts);
            double[][] b = reference.probabilities(texts);
            for (int i = 0; i < texts.size(); i++) {
                for (int c = 0; c < LABELS.size(); c++) {
                    assertEquals(b[i][c], a[i][c], 1e-5, config.recurrent() + ": text " + i + " class " + c);
                }
            }
        }
    }

    @Test
    void singleTextsGiveTheBatchedProbabilitiesWithTheDefaultAndOtherModels() {
        TextClassificationConfig defaults = TextClassificationConfig.defaults();
        assertBothPathsAgree(defaults, true);
        assertBothPathsAgree(defaults.withRecurrent(new RecurrentSpec(CellType.GRU, 8, 1, true, 0.0), null)
                .withEmbeddings(new EmbeddingSource(EmbeddingSource.Kind.WORD2VEC, null, true)), true);
        assertBothPathsAgree(defaults.withRecurrent(new RecurrentSpec(CellType.SIMPLE_RNN, 8, 2, false, 0.0),
                SequencePooling.MAX), true);
        // DL4J's own LSTM has no fast path: the batched answer
        assertBothPathsAgree(defaults.withRecurrent(new RecurrentSpec(CellType.LSTM, 8, 1, false, 0.0, RecurrentImpl.STOCK),
                null), false);
    }
}
