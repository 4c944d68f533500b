package io.rnnsuite.lab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.lab.data.AddingProblem;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class RecurrentWeightsTest {

    @Test
    void scaledOrthogonalHasOrthogonalColumnsOfLengthRadius() {
        double[][] m = RecurrentWeights.scaledOrthogonal(12, 3.0, 5);
        for (int a = 0; a < 12; a++) {
            for (int b = 0; b < 12; b++) {
                double dot = 0;
                for (int i = 0; i < 12; i++) {
                    dot += m[i][a] * m[i][b];
                }
                assertEquals(a == b ? 9.0 : 0.0, dot, 1e-9);
            }
        }
    }

    @Test
    void largeRecurrentWeightsBlowUpTheGradient() {
        AddingProblem adding = new AddingProblem();
        RecurrentSpec spec = new RecurrentSpec(CellType.SIMPLE_RNN, 8, 1, false, 0.0);
        var batch = adding.batch(16, 30, new Random(3));
        MultiLayerNetwork normal = adding.network(spec, 1, 0.01, 0);
        MultiLayerNetwork large = adding.network(spec, 1, 0.01, 0);
        RecurrentWeights.setSpectralRadius(large, 0, 3.0, 1);
        INDArray rw = large.getParam("0_RW");
        assertEquals(3.0 * Math.sqrt(8), rw.norm2Number().doubleValue(), 1e-4, "Frobenius norm of 3 × orthogonal 8×8");
        double normalNorm = GradientProbe.parameterGradientNorm(normal, batch);
        double largeNorm = GradientProbe.parameterGradientNorm(large, batch);
        assertTrue(largeNorm > 10 * normalNorm, "radius 3 gradient " + largeNorm + " vs Xavier " + normalNorm);
    }
}
