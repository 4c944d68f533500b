package io.rnnsuite.common.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentImpl;
import io.rnnsuite.common.RecurrentSpec;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Gate-saturation shares of units whose gate values are known are exact. */
class SaturationTest {

    private static final int SYMBOLS = 7;

    private static MultiLayerNetwork zeroed(CellType cell, int hidden) {
        MultiLayerNetwork net = ReplayNetworks.oneHotStack(new RecurrentSpec(cell, hidden, 1, false, 0.0, RecurrentImpl.FAST), SYMBOLS);
        ReplayNetworks.zero(net, 0);
        return net;
    }

    @Test
    void lstmForgetGateSharesAreExactForKnownGates() {
        MultiLayerNetwork net = zeroed(CellType.LSTM, 4);
        INDArray w = net.getLayer(0).getParam("W");
        INDArray b = net.getLayer(0).getParam("b");
        int h = 4;
        b.putScalar(h, -10);      // unit 0: forget gate always ~0
        b.putScalar(h + 1, 10);   // unit 1: always ~1
        // unit 2: bias 0, always 0.5
        b.putScalar(h + 3, -10);  // unit 3: ~1 after symbol 0, ~0 after anything else
        w.putScalar(0, h + 3, 20);
        int[] symbols = CellReplayTest.sequence(4);
        long zeros = IntStream.of(symbols).filter(s -> s == 0).count();

        Saturation forget = Saturation.ofGate(CellReplay.run(net, symbols).get(0).gates().get("forget"));

        double steps = symbols.length;
        assertArrayEquals(new double[] {1, 0, 0, (steps - zeros) / steps}, forget.left(), 0.0);
        assertArrayEquals(new double[] {0, 1, 0, zeros / steps}, forget.right(), 0.0);
        assertEquals(0.25, forget.meanBetween(), 1e-12);
    }

    @Test
    void gruUpdateGateSharesAreExactForConstantGates() {
        MultiLayerNetwork net = zeroed(CellType.GRU, 3);
        INDArray b = net.getLayer(0).getParam("b");
        b.putScalar(3, 10);       // update block [3, 6): unit 0 keeps everything
        b.putScalar(4, -10);      // unit 1 keeps nothing; unit 2 half

        LayerTrace trace = CellReplay.run(net, CellReplayTest.sequence(5)).get(0);
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

    @Test
    void halfLifeOfAConstantKeepGateIsExact() {
        double[][] gate = new double[10][2];
        for (double[] step : gate) {
            step[0] = 0.5;
            step[1] = Math.pow(0.5, 0.1); // halves in 10 steps
        }
        var kept = CellFigures.longestKept(0, "forget", gate, 2, 6);
        assertEquals(1, kept.get(0).unit(), "the higher gate first");
        assertEquals(10.0, kept.get(0).halfLifeSteps(), 1e-6);
        assertEquals(1.0, kept.get(1).halfLifeSteps(), 1e-6);
    }
}
