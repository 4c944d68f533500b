package io.rnnsuite.seq2seq.model;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The attention weights of the model's {@code AttentionVertex}, which DL4J 1.0.0-M2.1 computes but
 * never returns, recomputed from the vertex's parameters and the activations of its inputs.
 *
 * <p>The vertex (one head, {@code projectInput(true)}) runs ND4J's
 * {@code multi_head_dot_product_attention} with {@code scaled = true}: queries {@code Q}, keys
 * {@code K} and values {@code V} ({@code [features, time]} for one sentence) are projected by
 * {@code Wq}, {@code Wk}, {@code Wv} (each {@code [heads, headSize, features]}); the score of source
 * step {@code s} for query step {@code t} is {@code (Wk K)_s · (Wq Q)_t / sqrt(headSize)}; masked
 * source steps are pushed to -1e9 (so they get weight 0); a softmax over the source steps gives the
 * weights {@code w[t][s]}; the output is {@code Woᵀ (Wv V) wᵀ} ({@code Wo}: {@code [heads·headSize, nOut]}),
 * multiplied by the query mask. {@link #output} recomputes that output so tests can check the weights
 * against the vertex's real activation.
 */
final class AttentionWeights {

    static final String QUERY_PROJECTION = "Wq";
    static final String KEY_PROJECTION = "Wk";
    static final String VALUE_PROJECTION = "Wv";
    static final String OUT_PROJECTION = "Wo";

    private AttentionWeights() {
    }

    /**
     * Weights {@code [queries][sourceSteps]} for batch row {@code row}, each row summing to 1.
     *
     * @param params  the vertex's parameter table ({@code Wq}, {@code Wk}, ...)
     * @param queries the query input {@code [batch, features, queryTime]} (the decoder's outputs)
     * @param keys    the key input {@code [batch, features, sourceTime]} (the encoder's outputs)
     * @param keyMask {@code [batch, sourceTime]}, 1 for real steps; {@code null} = none masked
     */
    static double[][] weights(Map<String, INDArray> params, INDArray queries, INDArray keys, INDArray keyMask, int row) {
        double[][] q = project(params.get(QUERY_PROJECTION), slice(queries, row));
        double[][] k = project(params.get(KEY_PROJECTION), slice(keys, row));
        int headSize = q.length;
        int queryTime = q[0].length;
        int sourceTime = k[0].length;
        double scale = 1 / Math.sqrt(headSize);
        double[][] w = new double[queryTime][sourceTime];
        for (int t = 0; t < queryTime; t++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < sourceTime; s++) {
                double score = 0;
                for (int h = 0; h < headSize; h++) {
                    score += k[h][s] * q[h][t];
                }
                score *= scale;
                if (keyMask != null && keyMask.getDouble(row, s) == 0) {
                    score += -1e9;
                }
                w[t][s] = score;
                max = Math.max(max, score);
            }
            double sum = 0;
            for (int s = 0; s < sourceTime; s++) {
                w[t][s] = Math.exp(w[t][s] - max);
                sum += w[t][s];
            }
            for (int s = 0; s < sourceTime; s++) {
                w[t][s] /= sum;
            }
        }
        return w;
    }

    /** The vertex's output {@code [nOut][queries]} for batch row {@code row} given the weights: {@code Woᵀ (Wv V) wᵀ}. */
    static double[][] output(Map<String, INDArray> params, INDArray values, int row, double[][] weights) {
        double[][] v = project(params.get(VALUE_PROJECTION), slice(values, row));
        double[][] wo = params.get(OUT_PROJECTION).toDoubleMatrix();
        int headSize = v.length;
        int queryTime = weights.length;
        double[][] context = new double[headSize][queryTime];
        for (int h = 0; h < headSize; h++) {
            for (int t = 0; t < queryTime; t++) {
                double sum = 0;
                for (int s = 0; s < v[h].length; s++) {
                    sum += v[h][s] * weights[t][s];
                }
                context[h][t] = sum;
            }
        }
        int nOut = wo[0].length;
        double[][] out = new double[nOut][queryTime];
        for (int o = 0; o < nOut; o++) {
            for (int t = 0; t < queryTime; t++) {
                double sum = 0;
                for (int h = 0; h < headSize; h++) {
                    sum += wo[h][o] * context[h][t];
                }
                out[o][t] = sum;
            }
        }
        return out;
    }

    /** {@code W[0] · x}: the single head's projection, {@code [headSize, time]}. */
    private static double[][] project(INDArray projection, double[][] x) {
        if (projection.size(0) != 1) {
            throw new IllegalStateException("attention heat maps support one head, the vertex has " + projection.size(0));
        }
        double[][] w = projection.slice(0).toDoubleMatrix();
        double[][] out = new double[w.length][x[0].length];
        for (int h = 0; h < w.length; h++) {
            for (int t = 0; t < x[0].length; t++) {
                double sum = 0;
                for (int f = 0; f < x.length; f++) {
                    sum += w[h][f] * x[f][t];
                }
                out[h][t] = sum;
            }
        }
        return out;
    }

    /** Batch row {@code row} of a {@code [batch, features, time]} array, as {@code [features][time]}. */
    private static double[][] slice(INDArray sequence, int row) {
        return sequence.slice(row).toDoubleMatrix();
    }
}
