package io.rnnsuite.charlm.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.charlm.CharLmApp;
import io.rnnsuite.charlm.CharLmConfig;
import io.rnnsuite.charlm.TinyCorpus;
import io.rnnsuite.charlm.data.OneHot;
import io.rnnsuite.charlm.data.PreparedCorpus;
import io.rnnsuite.common.CellType;
import io.rnnsuite.common.app.LengthBreakdown;
import io.rnnsuite.common.app.TrainContext;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bits per character by position in the training-length window: fixed buckets, every prediction counted once. */
class BitsByPositionTest {

    @TempDir
    Path dir;

    @Test
    void bucketEdgesFollowOneTwoFiveAndStopAtTheSequenceLength() {
        assertArrayEquals(new int[] {1, 5, 10, 25, 50, 100}, BitsByPosition.upperEdges(100));
        assertArrayEquals(new int[] {1, 5, 10, 25, 50, 64}, BitsByPosition.upperEdges(64));
        assertArrayEquals(new int[] {1, 5, 10, 25, 50, 100, 250, 300}, BitsByPosition.upperEdges(300));
        assertArrayEquals(new int[] {1, 2}, BitsByPosition.upperEdges(2));
    }

    @Test
    void bucketsWeightedByCountsAreTheTestBitsPerCharOfWindowsReadOneByOne() throws Exception {
        // sequences of 20 on 4,000 characters: 399 test predictions, 19 full windows and one of 19
        CharLmConfig config = TinyCorpus.config(CellType.LSTM, 1).withTextFile(TinyCorpus.file(dir, 4000, 1).toString());
        CharLmApp app = new CharLmApp();
        PreparedCorpus data = app.load(config);
        CharLmModel model = app.train(config, data, TrainContext.inMemory(null)).model();

        LengthBreakdown breakdown = app.byLength(model, data);
        assertEquals("bits_per_char", breakdown.metric());
        assertTrue(breakdown.lowerIsBetter());
        // the training sequence length (20), not the default (100), sets the windows
        assertEquals(List.of("1", "2–5", "6–10", "11–20"),
                breakdown.buckets().stream().map(LengthBreakdown.Bucket::label).toList());
        int total = 0;
        double bits = 0;
        double previousX = 0;
        for (LengthBreakdown.Bucket b : breakdown.buckets()) {
            assertTrue(b.x() > previousX, "buckets in increasing position: " + breakdown);
            assertTrue(Double.isFinite(b.value()) && b.value() > 0, b.toString());
            previousX = b.x();
            total += b.count();
            bits += b.value() * b.count();
        }
        int[] test = data.test();
        assertEquals(test.length - 1, total, "every test prediction counted once");
        double expected = windowByWindow(model.network(), data.vocabulary().size(), test, config.sequenceLength());
        assertEquals(expected, bits / total, 1e-5 * expected);
    }

    /** Mean −log₂ p over consecutive windows of {@code length}, each scored alone by a forward pass of its own. */
    private static double windowByWindow(MultiLayerNetwork network, int vocabularySize, int[] text, int length) {
        double bits = 0;
        for (int start = 0; start < text.length - 1; start += length) {
            int n = Math.min(length, text.length - 1 - start);
            INDArray p = network.output(OneHot.sequence(Arrays.copyOfRange(text, start, start + n), vocabularySize), false);
            for (int t = 0; t < n; t++) {
                bits -= Math.log(p.getDouble(0, text[start + t + 1], t)) / Math.log(2);
            }
        }
        return bits / (text.length - 1);
    }
}
