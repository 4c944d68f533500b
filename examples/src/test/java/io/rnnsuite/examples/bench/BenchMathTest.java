package io.rnnsuite.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.UserInputException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The FLOP formulas, the median, the per-call timing and the case syntax, by hand-computed values. */
class BenchMathTest {

    @Test
    void forwardFlopsPerStepFollowTheGateCount() {
        // LSTM: 4 gate blocks, 2 FLOPs per multiply-add: 8·H·(I+H)
        assertEquals(8.0 * 128 * (128 + 128), RecurrentFlops.forwardPerStep(CellType.LSTM, 128, 128));
        assertEquals(6.0 * 10 * (3 + 10), RecurrentFlops.forwardPerStep(CellType.GRU, 3, 10));
        assertEquals(2.0 * 512 * (512 + 512), RecurrentFlops.forwardPerStep(CellType.SIMPLE_RNN, 512, 512));
    }

    @Test
    void batchFlopsSumLayersAndDirections() {
        // one LSTM(128) layer, B64 T100: 8·128·256 = 262,144 FLOPs per sample-step
        BenchCase single = BenchCase.parse("lstm:64x100x128x128");
        assertEquals(262_144.0 * 64 * 100, single.forwardFlopsPerBatch());
        assertEquals(3 * 262_144.0 * 64 * 100, RecurrentFlops.trainingPerBatch(single));
        // 2 bidirectional layers: layer 1 reads I=3, layer 2 reads 2H=8; each layer has 2 directions
        BenchCase stacked = BenchCase.parse("bilstm:2x5x3x4x2");
        double perStep = 2 * 8.0 * 4 * (3 + 4) + 2 * 8.0 * 4 * (8 + 4);
        assertEquals(perStep * 2 * 5, stacked.forwardFlopsPerBatch());
    }

    @Test
    void medianOfOddEvenAndUnsortedValues() {
        assertEquals(3.0, Stats.median(5, 1, 3));
        assertEquals(2.5, Stats.median(4, 1, 3, 2));
        assertEquals(7.0, Stats.median(7));
        assertTrue(Double.isNaN(Stats.median()));
        double[] values = {9, 2, 5};
        Stats.median(values);
        assertEquals(9.0, values[0], "the input is not reordered");
    }

    @Test
    void aRepetitionCallsUntilItsTimeHasPassedAndCountsThePerCallMean() {
        int[] calls = {0};
        Runnable twoMillis = () -> {
            calls[0]++;
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        double once = RecurrentBenchmark.millisPerCall(twoMillis, 0);
        assertEquals(1, calls[0], "0 s: exactly one call");
        assertTrue(once >= 2, "one 2-ms call measured " + once + " ms");

        calls[0] = 0;
        double perCall = RecurrentBenchmark.millisPerCall(twoMillis, 0.05);
        assertTrue(calls[0] >= 2, "50 ms of 2-ms calls is more than one call, got " + calls[0]);
        assertTrue(perCall >= 2 && perCall < 50, "the mean per call, not the repetition's total: " + perCall + " ms");
        assertTrue(perCall * calls[0] >= 50, "it ran at least 50 ms: " + perCall * calls[0] + " ms");
    }

    @Test
    void casesParseAndPrintBack() {
        BenchCase c = BenchCase.parse("deep=lstm:32x50x77x200x2");
        assertEquals("deep", c.name());
        assertEquals(CellType.LSTM, c.cell());
        assertEquals(2, c.layers());
        assertEquals(77, c.inputs());
        assertEquals("deep=lstm:32x50x77x200x2", c.token());
        assertEquals(c, BenchCase.parse(c.token()));
        BenchCase unnamed = BenchCase.parse("bisimple_rnn:1x2x3x4");
        assertEquals("bisimple_rnn:1x2x3x4", unnamed.name());
        assertTrue(unnamed.bidirectional());
        assertEquals(CellType.SIMPLE_RNN, unnamed.cell());
        Set<String> names = new HashSet<>();
        for (BenchCase builtIn : BenchCase.builtIns()) {
            assertEquals(builtIn, BenchCase.parse(builtIn.token()));
            assertEquals(builtIn, BenchCase.parse(builtIn.name()));
            assertTrue(names.add(builtIn.name()), "duplicate " + builtIn.name());
        }
        // the documented shapes are there verbatim
        assertEquals("lstm:64x100x512x512", BenchCase.parse("lstm-h512").spec());
        assertEquals("bilstm:64x100x128x128", BenchCase.parse("bilstm-h128").spec());
    }

    @Test
    void badCasesAreUserErrors() {
        UserInputException e = assertThrows(UserInputException.class, () -> BenchCase.parse("lstm-h999"));
        assertTrue(e.getMessage().startsWith("unknown benchmark case 'lstm-h999'"), e.getMessage());
        assertThrows(UserInputException.class, () -> BenchCase.parse("lstm:0x5x3x4"));
        assertThrows(UserInputException.class, () -> BenchCase.parse("tree:1x5x3x4"));
    }
}
