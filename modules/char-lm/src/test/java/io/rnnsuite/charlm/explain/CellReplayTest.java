package io.rnnsuite.charlm.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.rnnsuite.charlm.TinyCorpus;
import io.rnnsuite.charlm.data.OneHot;
import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentImpl;
import io.rnnsuite.common.text.CharVocabulary;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The cell equations re-run from the parameters give the network's own hidden states (and, for the LSTM, its cell state). */
class CellReplayTest {

    private static final String TEXT = TinyCorpus.text(300, 3);

    @ParameterizedTest
    @CsvSource({"LSTM,FAST", "LSTM,STOCK", "GRU,FAST", "SIMPLE_RNN,FAST", "SIMPLE_RNN,STOCK"})
    void replayedHiddenStatesEqualTheNetworksOutputInEveryLayer(CellType cell, RecurrentImpl impl) {
        CharVocabulary vocabulary = CharVocabulary.build(TEXT, 1);
        MultiLayerNetwork net = ExplainNetworks.create(cell, impl, 12, 2, vocabulary);
        ExplainNetworks.perturb(net, 0.3, 11); // trained-looking parameters: biases and recurrent weights far from init
        int[] symbols = vocabulary.encode(TEXT);

        List<LayerTrace> traces = CellReplay.run(net, symbols);

        assertEquals(2, traces.size());
        double largest = 0;
        for (int l = 0; l < 2; l++) {
            double[][] expected = ExplainNetworks.networkHidden(net, symbols, vocabulary.size(), l);
            LayerTrace trace = traces.get(l);
            assertEquals(symbols.length, trace.steps());
            for (int j = 0; j < 12; j++) {
                for (int t = 0; t < symbols.length; t++) {
                    assertEquals(expected[j][t], trace.hidden()[t][j], 2e-5, "layer " + l + " unit " + j + " step " + t);
                    largest = Math.max(largest, Math.abs(expected[j][t]));
                }
            }
        }
        assertEquals(true, largest > 0.3, "the states are not all near 0: " + largest);
        if (cell == CellType.LSTM) {
            // the network never outputs c; its stored state after the text is the last cell state
            net.rnnClearPreviousState();
            net.rnnTimeStep(OneHot.sequence(symbols, vocabulary.size()));
            for (int l = 0; l < 2; l++) {
                INDArray stored = net.rnnGetPreviousState(l).get("prevMem");
                double[] last = traces.get(l).cells()[symbols.length - 1];
                for (int j = 0; j < 12; j++) {
                    assertEquals(stored.getDouble(0, j), last[j], 2e-5, "layer " + l + " cell " + j);
                }
            }
            assertEquals(List.of("forget", "input", "output"), List.copyOf(traces.get(0).gates().keySet()));
        } else if (cell == CellType.GRU) {
            assertNull(traces.get(0).cells());
            assertEquals(List.of("update", "reset"), List.copyOf(traces.get(0).gates().keySet()));
        } else {
            assertNotNull(traces.get(0).gates());
            assertEquals(0, traces.get(0).gates().size());
        }
    }
}
