package io.rnnsuite.charlm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.rnnsuite.charlm.CharLmConfig;
import io.rnnsuite.charlm.TinyCorpus;
import io.rnnsuite.charlm.data.CharSequenceBatches;
import io.rnnsuite.common.CellType;
import io.rnnsuite.common.train.TrainableNetwork;
import java.util.Random;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/** The network really trains with truncated BPTT: one update per window of the sequence. */
class TruncatedBpttTest {

    @Test
    void eachWindowOfASequenceIsOneUpdate() {
        CharLmConfig config = TinyCorpus.config(CellType.LSTM, 1); // sequences of 20, windows of 10
        int[] text = CharVocabularyFixture.encoded();
        MultiLayerNetwork net = CharLmNetworks.create(config, CharVocabularyFixture.SIZE, TinyCorpus.training(1, 1));
        assertEquals(BackpropType.TruncatedBPTT, net.getLayerWiseConfigurations().getBackpropType());
        assertEquals(10, net.getLayerWiseConfigurations().getTbpttFwdLength());
        MultiDataSet batch = new CharSequenceBatches(text, CharVocabularyFixture.SIZE, 20, 4).epoch(new Random(1)).next();
        INDArray before = net.params().dup();
        TrainableNetwork.of(net).fit(batch);
        assertNotEquals(before, net.params());
        assertEquals(2, net.getIterationCount(), "20 steps in windows of 10 = 2 updates");
    }

    /** A fixed small alphabet text. */
    static final class CharVocabularyFixture {
        static final int SIZE = 6;

        static int[] encoded() {
            Random random = new Random(8);
            int[] text = new int[500];
            for (int i = 0; i < text.length; i++) {
                text[i] = 1 + random.nextInt(SIZE - 1);
            }
            return text;
        }
    }
}
