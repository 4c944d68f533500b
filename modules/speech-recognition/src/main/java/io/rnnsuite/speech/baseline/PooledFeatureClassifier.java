package io.rnnsuite.speech.baseline;

import io.rnnsuite.speech.data.SpeechData;
import io.rnnsuite.speech.data.Utterance;
import io.rnnsuite.speech.model.Recognizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A non-recurrent model on the same features: each utterance pooled to the mean of every feature
 * over each quarter of its frames plus its standard deviation (order within a quarter is lost),
 * standardised with the training split's statistics, then multinomial logistic regression trained by full-batch gradient
 * descent with L2 regularisation.
 */
public final class PooledFeatureClassifier implements Recognizer {

    /** Gradient steps, step size and L2 weight: enough for ~100 inputs and ~1,000 utterances to converge. */
    static final int STEPS = 400;
    static final double STEP_SIZE = 0.5;
    static final double L2 = 1e-3;

    private final List<String> vocabulary;
    private final double[] mean;
    private final double[] std;
    private final double[][] weights; // [class][input + 1 bias]

    private PooledFeatureClassifier(List<String> vocabulary, double[] mean, double[] std, double[][] weights) {
        this.vocabulary = vocabulary;
        this.mean = mean;
        this.std = std;
        this.weights = weights;
    }

    /** Equal stretches of time each utterance is cut into before pooling. */
    static final int SEGMENTS = 4;

    /**
     * The mean of each feature over each quarter of the frames, then each feature's standard
     * deviation over the whole utterance. (Whole-utterance means and deviations alone would carry
     * nothing: the features are normalised per utterance, so they are 0 and 1 for every utterance.)
     */
    static double[] pool(float[][] frames) {
        int d = frames[0].length;
        double[] out = new double[(SEGMENTS + 1) * d];
        for (int s = 0; s < SEGMENTS; s++) {
            int from = s * frames.length / SEGMENTS;
            int to = Math.max(from + 1, (s + 1) * frames.length / SEGMENTS);
            for (int t = from; t < Math.min(to, frames.length); t++) {
                for (int j = 0; j < d; j++) {
                    out[s * d + j] += frames[t][j] / (double) (to - from);
                }
            }
        }
        double[] mean = new double[d];
        for (float[] f : frames) {
            for (int j = 0; j < d; j++) {
                mean[j] += f[j] / (double) frames.length;
            }
        }
        for (float[] f : frames) {
            for (int j = 0; j < d; j++) {
                out[SEGMENTS * d + j] += (f[j] - mean[j]) * (f[j] - mean[j]) / frames.length;
            }
        }
        for (int j = 0; j < d; j++) {
            out[SEGMENTS * d + j] = Math.sqrt(out[SEGMENTS * d + j]);
        }
        return out;
    }

    public static PooledFeatureClassifier fit(SpeechData data, long seed) {
        List<Utterance> train = data.train();
        int n = train.size();
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = pool(train.get(i).features());
            y[i] = train.get(i).label();
        }
        int d = x[0].length;
        double[] mean = new double[d];
        double[] std = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                std[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            std[j] = Math.max(1e-6, Math.sqrt(std[j]));
        }
        double[][] z = new double[n][];
        for (int i = 0; i < n; i++) {
            z[i] = standardise(x[i], mean, std);
        }
        int classes = data.vocabulary().size();
        double[][] w = new double[classes][d + 1];
        Random random = new Random(seed);
        for (double[] row : w) {
            for (int j = 0; j < d; j++) {
                row[j] = 0.01 * random.nextGaussian();
            }
        }
        for (int step = 0; step < STEPS; step++) {
            double[][] gradient = new double[classes][d + 1];
            for (int i = 0; i < n; i++) {
                double[] p = softmax(w, z[i]);
                for (int c = 0; c < classes; c++) {
                    double g = (p[c] - (c == y[i] ? 1 : 0)) / n;
                    for (int j = 0; j < d; j++) {
                        gradient[c][j] += g * z[i][j];
                    }
                    gradient[c][d] += g;
                }
            }
            for (int c = 0; c < classes; c++) {
                for (int j = 0; j <= d; j++) {
                    w[c][j] -= STEP_SIZE * (gradient[c][j] + (j < d ? L2 * w[c][j] : 0));
                }
            }
        }
        return new PooledFeatureClassifier(data.vocabulary(), mean, std, w);
    }

    private static double[] standardise(double[] x, double[] mean, double[] std) {
        double[] z = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            z[j] = (x[j] - mean[j]) / std[j];
        }
        return z;
    }

    private static double[] softmax(double[][] w, double[] z) {
        double[] s = new double[w.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < w.length; c++) {
            double v = w[c][z.length];
            for (int j = 0; j < z.length; j++) {
                v += w[c][j] * z[j];
            }
            s[c] = v;
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int c = 0; c < s.length; c++) {
            s[c] = Math.exp(s[c] - max);
            sum += s[c];
        }
        for (int c = 0; c < s.length; c++) {
            s[c] /= sum;
        }
        return s;
    }

    @Override
    public String name() {
        return "pooled_mfcc_logreg";
    }

    @Override
    public List<String> recognise(List<Utterance> utterances) {
        List<String> out = new ArrayList<>();
        for (Utterance u : utterances) {
            double[] p = softmax(weights, standardise(pool(u.features()), mean, std));
            int best = 0;
            for (int c = 1; c < p.length; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            out.add(vocabulary.get(best));
        }
        return out;
    }
}
