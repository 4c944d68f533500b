package io.rnnsuite.lab.model;

import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.SimpleRnnParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Sets a SimpleRnn's recurrent matrix to {@code radius × Q} with Q a random orthogonal matrix.
 * Every eigenvalue of an orthogonal matrix has modulus 1, so the spectral radius is exactly
 * {@code radius}: above 1 the linearised recurrence amplifies a signal at every step, the
 * condition under which gradients can explode through time.
 */
public final class RecurrentWeights {

    private RecurrentWeights() {
    }

    /** A {@code size × size} random orthogonal matrix (Gram–Schmidt on Gaussian columns) times {@code radius}. */
    public static double[][] scaledOrthogonal(int size, double radius, long seed) {
        Random random = new Random(seed);
        double[][] q = new double[size][size];
        for (int col = 0; col < size; col++) {
            double[] v = new double[size];
            for (int i = 0; i < size; i++) {
                v[i] = random.nextGaussian();
            }
            for (int prev = 0; prev < col; prev++) {
                double dot = 0;
                for (int i = 0; i < size; i++) {
                    dot += v[i] * q[i][prev];
                }
                for (int i = 0; i < size; i++) {
                    v[i] -= dot * q[i][prev];
                }
            }
            double norm = 0;
            for (double x : v) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < size; i++) {
                q[i][col] = v[i] / norm;
            }
        }
        for (double[] row : q) {
            for (int i = 0; i < size; i++) {
                row[i] *= radius;
            }
        }
        return q;
    }

    /** Replaces layer {@code layer}'s SimpleRnn recurrent weights ({@code RW}) with {@code radius × Q}. */
    public static void setSpectralRadius(MultiLayerNetwork network, int layer, double radius, long seed) {
        String key = layer + "_" + SimpleRnnParamInitializer.RECURRENT_WEIGHT_KEY;
        INDArray current = network.getParam(key);
        if (current == null) {
            throw new IllegalArgumentException("layer " + layer + " has no SimpleRnn recurrent weights (" + key + ")");
        }
        double[][] matrix = scaledOrthogonal((int) current.size(0), radius, seed);
        current.assign(Nd4j.create(matrix).castTo(current.dataType()));
    }
}
