package io.rnnsuite.charlm.data;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** One-hot tensors in DL4J's recurrent layout {@code [batch, vocabulary, time]}. */
public final class OneHot {

    private OneHot() {
    }

    /**
     * Row {@code b} holds {@code text[starts[b] + offset ... + length)}; positions past the end of
     * {@code text} stay all-zero.
     */
    public static INDArray sequences(int[] text, int[] starts, int offset, int length, int vocabularySize) {
        float[] data = new float[starts.length * vocabularySize * length];
        for (int b = 0; b < starts.length; b++) {
            int base = b * vocabularySize * length;
            for (int t = 0; t < length; t++) {
                int position = starts[b] + offset + t;
                if (position < text.length) {
                    data[base + text[position] * length + t] = 1f;
                }
            }
        }
        return Nd4j.create(data, new long[] {starts.length, vocabularySize, length}, 'c');
    }

    /** One sequence, {@code [1, vocabulary, symbols.length]}. */
    public static INDArray sequence(int[] symbols, int vocabularySize) {
        return sequences(symbols, new int[] {0}, 0, symbols.length, vocabularySize);
    }
}
