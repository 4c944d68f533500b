package io.rnnsuite.speech.model;

import io.rnnsuite.speech.ctc.CtcLoss;
import io.rnnsuite.speech.data.Utterance;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Utterances to DL4J examples ({@code [1, features, frames]}), and padded, masked batches for inference. */
public final class Batches {

    private Batches() {
    }

    /** The features of one utterance as {@code [1, dimension, frames]}. */
    public static INDArray features(float[][] frames) {
        int t = frames.length;
        int d = frames[0].length;
        float[] flat = new float[d * t];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < d; j++) {
                flat[j * t + i] = frames[i][j];
            }
        }
        return Nd4j.create(flat, new long[] {1, d, t}, 'c');
    }

    /** One training example: features and the one-hot word, or the CTC-encoded digits. */
    public static MultiDataSet example(Utterance u, boolean ctc, int classes) {
        INDArray labels;
        if (ctc) {
            float[][] l = CtcLoss.encodeLabels(u.targets(), SpeechNetwork.CTC_CLASSES, u.frames());
            float[] flat = new float[SpeechNetwork.CTC_CLASSES * u.frames()];
            for (int k = 0; k < l.length; k++) {
                System.arraycopy(l[k], 0, flat, k * u.frames(), u.frames());
            }
            labels = Nd4j.create(flat, new long[] {1, SpeechNetwork.CTC_CLASSES, u.frames()}, 'c');
        } else {
            float[] oneHot = new float[classes];
            oneHot[u.label()] = 1;
            labels = Nd4j.create(oneHot, new long[] {1, classes}, 'c');
        }
        return new MultiDataSet(features(u.features()), labels);
    }

    public static List<MultiDataSet> examples(List<Utterance> utterances, boolean ctc, int classes) {
        List<MultiDataSet> out = new ArrayList<>(utterances.size());
        for (Utterance u : utterances) {
            out.add(example(u, ctc, classes));
        }
        return out;
    }

    /** A padded batch of feature matrices with its mask {@code [batch, frames]} (1 = a real frame). */
    public record Padded(INDArray features, INDArray mask) {
    }

    public static Padded pad(List<float[][]> utterances) {
        int batch = utterances.size();
        int d = utterances.get(0)[0].length;
        int max = utterances.stream().mapToInt(u -> u.length).max().orElse(1);
        float[] flat = new float[batch * d * max];
        float[] mask = new float[batch * max];
        for (int b = 0; b < batch; b++) {
            float[][] u = utterances.get(b);
            for (int t = 0; t < u.length; t++) {
                mask[b * max + t] = 1;
                for (int j = 0; j < d; j++) {
                    flat[(b * d + j) * max + t] = u[t][j];
                }
            }
        }
        return new Padded(Nd4j.create(flat, new long[] {batch, d, max}, 'c'), Nd4j.create(mask, new long[] {batch, max}, 'c'));
    }
}
