package io.rnnsuite.speech.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.speech.SpeechConfig;
import io.rnnsuite.speech.data.SpeechSource;
import io.rnnsuite.speech.features.FeatureConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The non-recurrent CTC network: only its context window reaches a frame, and padding changes nothing. */
class FrameContextCtcTest {

    private static final SpeechConfig CONFIG = new SpeechConfig(SpeechSource.generated(SpeechSource.DIGIT_STRINGS), true,
            FeatureConfig.defaults(), 10, 1, 0, new RecurrentSpec(CellType.LSTM, 8, 1, false, 0),
            new TrainingConfig(1, 4, 0.01, 1, 1, 7, 0, 0));

    private static float[][] random(int frames, long seed) {
        Random r = new Random(seed);
        float[][] f = new float[frames][39];
        for (float[] row : f) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) r.nextGaussian();
            }
        }
        return f;
    }

    @Test
    void aFrameSeesOnlyItsReceptiveFieldAndPaddingChangesNothing() {
        SpeechModel net = new SpeechModel(SpeechNetwork.frameContextCtc(CONFIG, SpeechNetwork.contextFrames() * 39), CONFIG,
                List.of());
        java.util.function.Function<List<float[][]>, List<double[][]>> model = in -> net.framePosteriors(
                in.stream().map(SpeechNetwork::stackContext).toList());
        float[][] a = random(80, 1);
        float[][] b = Arrays.stream(a).map(float[]::clone).toArray(float[][]::new);
        b[79] = random(1, 2)[0]; // the last frame only
        double[][] pa = model.apply(List.<float[][]>of(a)).get(0);
        double[][] pb = model.apply(List.<float[][]>of(b)).get(0);
        int reach = SpeechNetwork.CONTEXT_REACH; // 10 frames either side
        for (int t = 0; t < 79 - reach; t++) {
            assertArrayEquals(pa[t], pb[t], 1e-6, "frame " + t + " is beyond the receptive field of frame 79");
        }
        assertFalse(Arrays.equals(pa[79 - reach], pb[79 - reach]), "frame " + (79 - reach) + " sees frame 79");

        List<float[][]> batch = List.of(random(30, 3), a, random(55, 4));
        List<double[][]> together = model.apply(batch);
        for (int i = 0; i < batch.size(); i++) {
            double[][] alone = model.apply(List.<float[][]>of(batch.get(i))).get(0);
            assertEquals(alone.length, together.get(i).length);
            for (int t = 0; t < alone.length; t++) {
                assertArrayEquals(alone[t], together.get(i)[t], 1e-5, "utterance " + i + " frame " + t);
            }
        }
    }
}
