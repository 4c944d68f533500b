package io.rnnsuite.charlm.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rnnsuite.charlm.TinyCorpus;
import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentImpl;
import io.rnnsuite.common.text.CharVocabulary;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Gate-saturation shares of units whose gate values are known are exact. */
class SaturationTest {

    private static final String TEXT = TinyCorpus.text(400, 2);

    @Test
    void lstmForgetGateSharesAreExactForKnownGates() {
        CharVocabulary vocabulary = CharVocabulary.build(TEXT, 1);
        MultiLayerNetwork net = ExplainNetworks.create(CellType.LSTM, RecurrentImpl.FAST, 4, 1, vocabulary);
        ExplainNetworks.zero(net, 0);
        INDArray w = net.getLayer(0).getParam("W");
        INDArray b = net.getLayer(0).getParam("b");
        int h = 4;
        b.putScalar(h, -10);      // unit 0: forget gate always ~0
        b.putScalar(h + 1, 10);   // unit 1: always ~1
        // unit 2: bias 0, always 0.5
        b.putScalar(h + 3, -10);  // unit 3: ~1 after an 'a', ~0 after anything else
        w.putScalar(vocabulary.indexOf('a'), h + 3, 20);
        int[] symbols = vocabulary.encode(TEXT);
        long as = TEXT.chars().filter(c -> c == 'a').count();

        Saturation forget = Saturation.ofGate(CellReplay.run(net, symbols).get(0).gates().get("forget"));

        double steps = symbols.length;
        assertArrayEquals(new double[] {1, 0, 0, (steps - as) / steps}, forget.left(), 0.0);
        assertArrayEquals(new double[] {0, 1, 0, as / steps}, forget.right(), 0.0);
        assertEquals(0.25, forget.meanBetween(), 1e-12);
    }

    @Test
    void gruUpdateGateSharesAreExactForConstantGates() {
        CharVocabulary vocabulary = CharVocabulary.build(TEXT, 1);
        MultiLayerNetwork net = ExplainNetworks.create(CellType.GRU, RecurrentImpl.FAST, 3, 1, vocabulary);
        ExplainNetworks.zero(net, 0);
        INDArray b = net.getLayer(0).getParam("b");
        b.putScalar(3, 10);       // update block [3, 6): unit 0 keeps everything
        b.putScalar(4, -10);      // unit 1 keeps nothing; unit 2 half

        LayerTrace trace = CellReplay.run(net, vocabulary.encode(TEXT)).get(0);
        Saturation update = Saturation.ofGate(trace.gates().get("update"));

        assertArrayEquals(new double[] {0, 1, 0}, update.left(), 0.0);
        assertArrayEquals(new double[] {1, 0, 0}, update.right(), 0.0);
        // all-zero weights: every reset gate sits at exactly 0.5
        assertArrayEquals(new double[] {0, 0, 0}, Saturation.ofGate(trace.gates().get("reset")).right(), 0.0);
    }

    @Test
    void tanhUnitsAreReadOnTheGateScale() {
        double[][] values = {{-0.9, 0.85}, {0.0, 0.81}, {-0.5, -0.79}, {-0.81, 0.79}};
        Saturation s = Saturation.ofTanh(values);
        assertArrayEquals(new double[] {0.5, 0}, s.left(), 0.0);
        assertArrayEquals(new double[] {0, 0.5}, s.right(), 0.0);
    }
}
