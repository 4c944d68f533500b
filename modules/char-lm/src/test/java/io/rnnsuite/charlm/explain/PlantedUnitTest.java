package io.rnnsuite.charlm.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.explain.CellReplay;
import io.rnnsuite.common.explain.InterpretableUnits;
import io.rnnsuite.common.explain.LayerTrace;
import io.rnnsuite.common.explain.UnitFinding;
import io.rnnsuite.common.RecurrentImpl;
import io.rnnsuite.common.text.CharVocabulary;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A network whose unit 0 is wired as a quote flip-flop: the search names that unit, and the right property, first. */
class PlantedUnitTest {

    private static final int H = 4;

    /** Lines of a/b words with quoted spans that open and close within the line. */
    static String quotedText(int characters, long seed) {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder();
        boolean open = false;
        while (sb.length() < characters) {
            int letters = 1 + random.nextInt(5);
            for (int i = 0; i < letters; i++) {
                sb.append(random.nextBoolean() ? 'a' : 'b');
            }
            if (random.nextInt(4) == 0) {
                sb.append('"');
                open = !open;
            }
            if (!open && random.nextInt(6) == 0) {
                sb.append('\n');
            } else {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    @Test
    void theQuoteTrackingUnitIsFoundFirst() {
        String text = quotedText(800, 5);
        CharVocabulary vocabulary = CharVocabulary.build(text, 1);
        MultiLayerNetwork net = ExplainNetworks.create(CellType.LSTM, RecurrentImpl.FAST, H, 1, vocabulary);
        ExplainNetworks.zero(net, 0);
        INDArray w = net.getLayer(0).getParam("W");
        INDArray rw = net.getLayer(0).getParam("RW");
        INDArray b = net.getLayer(0).getParam("b");
        int quote = vocabulary.indexOf('"');
        // blocks [candidate | forget | output | input]; unit 0: at a quote forget everything and write
        // tanh(2 - 10 h): the opposite sign of the unit's previous output; elsewhere keep the cell as it is
        b.putScalar(0, 2);
        rw.putScalar(0, 0, -10);
        b.putScalar(H, 20);
        w.putScalar(quote, H, -40);
        b.putScalar(2 * H, 20);
        b.putScalar(3 * H, -20);
        w.putScalar(quote, 3 * H, 40);
        // unit 1 follows the last letter (a or b), with half-open gates
        w.putScalar(vocabulary.indexOf('a'), 1, 2);
        w.putScalar(vocabulary.indexOf('b'), 1, -2);
        // units 2 and 3: random weights of their own
        Random random = new Random(9);
        for (int unit = 2; unit < H; unit++) {
            for (int block = 0; block < 4; block++) {
                int column = block * H + unit;
                b.putScalar(column, random.nextGaussian());
                for (int row = 0; row < vocabulary.size(); row++) {
                    w.putScalar(row, column, 2 * random.nextGaussian());
                }
                for (int row = 0; row < H; row++) {
                    rw.putScalar(row, column, random.nextGaussian());
                }
            }
        }
        int[] codePoints = text.codePoints().toArray();
        List<LayerTrace> traces = CellReplay.run(net, Explainer.encode(vocabulary, codePoints));
        Map<String, double[]> properties = TextProperties.of(codePoints, false);

        List<UnitFinding> found = InterpretableUnits.rank(traces, properties, 3);

        UnitFinding first = found.get(0);
        assertEquals(0, first.unit(), found.toString());
        assertEquals(TextProperties.INSIDE_QUOTES, first.property(), found.toString());
        assertTrue(first.correlation() > 0.95, found.toString());
        assertTrue(found.size() > 1 && Math.abs(found.get(1).correlation()) < first.correlation(), found.toString());
    }
}
