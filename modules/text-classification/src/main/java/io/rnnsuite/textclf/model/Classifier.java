package io.rnnsuite.textclf.model;

import java.util.List;

/** Anything that gives class probabilities for texts: the recurrent model and the baselines alike. */
public interface Classifier {

    /** Short name for tables ({@code lstm}, {@code majority}, {@code bow-tfidf}). */
    String name();

    /** Class names, by index. */
    List<String> labels();

    /** {@code [text][class]} probabilities, each row summing to 1. */
    double[][] probabilities(List<String> texts);

    /** Index of the most probable class of each text. */
    default int[] predict(List<String> texts) {
        double[][] p = probabilities(texts);
        int[] best = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            for (int c = 1; c < p[i].length; c++) {
                if (p[i][c] > p[i][best[i]]) {
                    best[i] = c;
                }
            }
        }
        return best;
    }
}
