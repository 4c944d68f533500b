package io.rnnsuite.lab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.lab.data.AddingProblem;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.api.MultiDataSet;

class GradientProbeTest {

    private static final int LENGTH = 40;
    private final AddingProblem adding = new AddingProblem();

    private double[] normsAtInit(CellType cell, long seed) {
        MultiLayerNetwork net = adding.network(new RecurrentSpec(cell, 8, 1, false, 0.0), seed, 0.01, 1.0);
        MultiDataSet batch = adding.batch(32, LENGTH, new Random(seed + 1));
        return GradientProbe.inputGradientNorms(net, batch);
    }

    @Test
    void oneFiniteNormPerTimeStepLargestNearTheLoss() {
        double[] norms = normsAtInit(CellType.SIMPLE_RNN, 42);
        assertEquals(LENGTH, norms.length);
        for (double norm : norms) {
            assertTrue(Double.isFinite(norm) && norm >= 0, "finite, non-negative norm");
        }
        assertTrue(norms[LENGTH - 1] > norms[0], "the last step, where the loss is taken, gets more gradient than the first");
    }

    /**
     * What holds robustly at initialisation: for both cells the error signal that reaches the
     * first of 40 steps is a small fraction of what the last step gets. Which cell keeps more is
     * NOT robust at init and is deliberately not asserted: on seeds 42 and 7 the LSTM's ratio was
     * the larger, on seed 2024 the SimpleRnn's (0.0095 against 0.00033). A Xavier-initialised
     * SimpleRnn of 8 units has a recurrent spectral radius near 1, while the LSTM's cell path
     * starts with a forget gate of about sigmoid(1) ≈ 0.73 per step; LSTM's advantage is that
     * training can open that gate, which {@code lab gradients} measures.
     */
    @Test
    void bothCellsLoseMostOfTheGradientOverFortyStepsAtInit() {
        for (long seed : new long[] {42, 7, 2024}) {
            for (CellType cell : CellType.values()) {
                double ratio = GradientProbe.firstToLastRatio(normsAtInit(cell, seed));
                assertTrue(ratio > 0 && ratio < 0.1, "seed " + seed + " " + cell + ": first/last ratio " + ratio);
            }
        }
    }

    @Test
    void parameterGradientNormIsPositive() {
        MultiLayerNetwork net = adding.network(new RecurrentSpec(CellType.LSTM, 4, 1, false, 0.0), 1, 0.01, 1.0);
        assertTrue(GradientProbe.parameterGradientNorm(net, adding.batch(8, 10, new Random(1))) > 0);
    }
}
