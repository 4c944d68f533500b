package io.rnnsuite.charlm.baseline;

import io.rnnsuite.charlm.model.NextCharModel;

/** Character frequencies of the training text, add-one smoothed: the floor every model must beat. */
public final class UnigramModel implements NextCharModel {

    private final double[] logProbability;

    public UnigramModel(int[] train, int vocabularySize) {
        long[] counts = new long[vocabularySize];
        for (int symbol : train) {
            counts[symbol]++;
        }
        double total = train.length + (double) vocabularySize;
        logProbability = new double[vocabularySize];
        for (int v = 0; v < vocabularySize; v++) {
            logProbability[v] = Math.log((counts[v] + 1) / total);
        }
    }

    @Override
    public String name() {
        return "unigram";
    }

    /** P(symbol), whatever came before. */
    public double probability(int symbol) {
        return Math.exp(logProbability[symbol]);
    }

    @Override
    public double totalNats(int[] text) {
        double nats = 0;
        for (int i = 1; i < text.length; i++) {
            nats -= logProbability[text[i]];
        }
        return nats;
    }
}
