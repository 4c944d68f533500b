package io.rnnsuite.common.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentImpl;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.SequencePooling;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The cell equations re-run from the parameters give the network's own hidden states in every layer
 * (and, for the LSTM, its cell state): one-hot input and embedded input, one and two directions,
 * the last layer bare or under {@code LastTimeStep}.
 */
class CellReplayTest {

    private static final int SYMBOLS = 7;
    private static final int STEPS = 60;

    static int[] sequence(long seed) {
        Random random = new Random(seed);
        int[] out = new int[STEPS];
        for (int t = 0; t < STEPS; t++) {
            out[t] = random.nextInt(SYMBOLS);
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"LSTM,FAST,false", "LSTM,STOCK,false", "GRU,FAST,false", "SIMPLE_RNN,FAST,false", "SIMPLE_RNN,STOCK,false",
        "LSTM,FAST,true", "LSTM,STOCK,true", "GRU,FAST,true", "SIMPLE_RNN,STOCK,true"})
    void oneHotStackReplaysEveryLayer(CellType cell, RecurrentImpl impl, boolean bidirectional) {
        MultiLayerNetwork net = ReplayNetworks.oneHotStack(new RecurrentSpec(cell, 6, 2, bidirectional, 0.0, impl), SYMBOLS);
        ReplayNetworks.perturb(net, 0.3, 11); // trained-looking parameters: biases and recurrent weights far from init
        int[] symbols = sequence(3);

        List<LayerTrace> traces = CellReplay.run(net, symbols);

        assertEquals(2, traces.size());
        assertSameStates(ReplayNetworks.ownStates(net, ReplayNetworks.oneHot(symbols, SYMBOLS), 0, 2), traces);
        assertEquals(bidirectional ? 2 : 1, traces.get(0).directions());
        assertEquals(bidirectional ? 12 : 6, traces.get(1).units());
        if (cell == CellType.LSTM && !bidirectional) {
            // the network never outputs c; its stored state after the sequence is the last cell state
            net.rnnClearPreviousState();
            net.rnnTimeStep(ReplayNetworks.oneHot(symbols, SYMBOLS));
            for (int l = 0; l < 2; l++) {
                INDArray stored = net.rnnGetPreviousState(l).get("prevMem");
                double[] last = traces.get(l).cells()[STEPS - 1];
                for (int j = 0; j < 6; j++) {
                    assertEquals(stored.getDouble(0, j), last[j], 2e-5, "layer " + l + " cell " + j);
                }
            }
        }
        if (cell == CellType.LSTM) {
            assertEquals(List.of("forget", "input", "output"), List.copyOf(traces.get(0).gates().keySet()));
        } else if (cell == CellType.GRU) {
            assertNull(traces.get(0).cells());
            assertEquals(List.of("update", "reset"), List.copyOf(traces.get(0).gates().keySet()));
        } else {
            assertEquals(0, traces.get(0).gates().size());
        }
    }

    @ParameterizedTest
    @CsvSource({"LSTM,false,LAST", "GRU,true,LAST", "LSTM,true,MEAN", "SIMPLE_RNN,false,MAX"})
    void embeddedInputAndPoolingWrappersReplayEveryStep(CellType cell, boolean bidirectional, SequencePooling pooling) {
        int layers = pooling == SequencePooling.LAST ? 2 : 1;
        MultiLayerNetwork net = ReplayNetworks.embeddedClassifier(
                new RecurrentSpec(cell, 5, layers, bidirectional, 0.0, RecurrentImpl.FAST), SYMBOLS, 4, pooling);
        ReplayNetworks.perturb(net, 0.3, 5);
        int[] tokens = sequence(8);
        INDArray features = ReplayNetworks.indices(tokens);

        assertEquals(1, CellReplay.firstRecurrentLayer(net));
        List<LayerTrace> traces = CellReplay.run(net, features);

        assertEquals(layers, traces.size(), "replay stops at the pooling / output layer");
        assertSameStates(ReplayNetworks.ownStates(net, features, 1, layers), traces);
    }

    private static void assertSameStates(List<double[][]> expected, List<LayerTrace> traces) {
        double largest = 0;
        for (int l = 0; l < expected.size(); l++) {
            double[][] own = expected.get(l);
            LayerTrace trace = traces.get(l);
            assertEquals(own.length, trace.steps());
            assertEquals(own[0].length, trace.units());
            for (int t = 0; t < own.length; t++) {
                for (int j = 0; j < own[t].length; j++) {
                    assertEquals(own[t][j], trace.hidden()[t][j], 2e-5, "layer " + l + " unit " + j + " step " + t);
                    largest = Math.max(largest, Math.abs(own[t][j]));
                }
            }
        }
        assertTrue(largest > 0.3, "the states are not all near 0: " + largest);
    }
}
