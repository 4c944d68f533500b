package io.rnnsuite.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CellTypeAndSpecTest {

    @Test
    void parsesTheNamesUsersType() {
        assertEquals(CellType.SIMPLE_RNN, CellType.parse("simple_rnn"));
        assertEquals(CellType.SIMPLE_RNN, CellType.parse("Simple-RNN"));
        assertEquals(CellType.SIMPLE_RNN, CellType.parse("rnn"));
        assertEquals(CellType.LSTM, CellType.parse(" LSTM "));
    }

    @Test
    void unknownCellNamesTheChoices() {
        UserInputException e = assertThrows(UserInputException.class, () -> CellType.parse("gru2"));
        assertEquals("unknown cell type 'gru2': expected one of simple_rnn, lstm, gru", e.getMessage());
    }

    @Test
    void variantsCarryDirection() {
        RecurrentSpec bi = RecurrentSpec.parseVariant("bilstm", 16, 2, 0.1);
        assertTrue(bi.bidirectional());
        assertEquals(CellType.LSTM, bi.cell());
        assertEquals(32, bi.outputSize());
        assertEquals("2x_bilstm", bi.label());
        RecurrentSpec plain = RecurrentSpec.parseVariant("simple_rnn", 8, 1, 0);
        assertFalse(plain.bidirectional());
        assertEquals("simple_rnn", plain.label());
        assertEquals(CellType.SIMPLE_RNN, RecurrentSpec.parseVariant("bisimple_rnn", 8, 1, 0).cell());
    }

    @Test
    void rejectsImpossibleSizes() {
        assertThrows(UserInputException.class, () -> new RecurrentSpec(CellType.LSTM, 0, 1, false, 0));
        assertThrows(UserInputException.class, () -> new RecurrentSpec(CellType.LSTM, 4, 0, false, 0));
        assertThrows(UserInputException.class, () -> new RecurrentSpec(CellType.LSTM, 4, 1, false, 1.0));
    }

    @Test
    void poolingDefaultsToMeanOnlyWhenBidirectional() {
        assertEquals(SequencePooling.LAST, SequencePooling.defaultFor(new RecurrentSpec(CellType.LSTM, 4, 1, false, 0)));
        assertEquals(SequencePooling.MEAN, SequencePooling.defaultFor(new RecurrentSpec(CellType.LSTM, 4, 1, true, 0)));
        assertThrows(UserInputException.class, () -> SequencePooling.parse("median"));
    }
}
