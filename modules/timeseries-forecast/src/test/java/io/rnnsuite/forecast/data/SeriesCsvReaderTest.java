package io.rnnsuite.forecast.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.datasets.DatasetKind;
import io.rnnsuite.datasets.DatasetRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesCsvReaderTest {

    private static String error(String csv) {
        return assertThrows(UserInputException.class,
                () -> SeriesCsvReader.parse(csv.getBytes(StandardCharsets.UTF_8), "in.csv")).getMessage();
    }

    @Test
    void readsEveryBundledSeriesCompletely() {
        assertEquals(144, SeriesCsvReader.read(DatasetRegistry.get("airpassengers", DatasetKind.TIME_SERIES)).length());
        Series seatbelts = SeriesCsvReader.read(DatasetRegistry.get("uk-seatbelts", DatasetKind.TIME_SERIES));
        assertEquals(192, seatbelts.length());
        assertEquals(List.of("DriversKilled", "drivers", "front", "rear", "kms", "PetrolPrice", "VanKilled", "law"),
                seatbelts.columnNames());
        assertEquals(107.0, seatbelts.column("DriversKilled")[0]);
        assertEquals(4032, SeriesCsvReader.read(DatasetRegistry.get("electricity", DatasetKind.TIME_SERIES)).length());
    }

    @Test
    void readsQuotedFieldsAndLabels() {
        Series s = SeriesCsvReader.parse("month,\"a\"\n\"2000-01\",1.5\n2000-02,2\n".getBytes(StandardCharsets.UTF_8), "q.csv");
        assertEquals(List.of("2000-01", "2000-02"), s.timeLabels());
        assertArrayEquals(new double[] {1.5, 2}, s.column("a"));
    }

    @Test
    void badCellsNameFileLineAndColumn() {
        assertEquals("in.csv, line 3, column 'v': 'abc' is not a number", error("t,v\n1,2\n2,abc\n3,4\n"));
        assertEquals("in.csv, line 2, column 'v': empty cell, expected a number", error("t,v\n1,\n2,3\n"));
        assertEquals("in.csv, line 3, column 'v': NaN is not a finite number (NaN and infinities are not allowed)",
                error("t,v\n1,2\n2,NaN\n"));
        assertEquals("in.csv, line 2, column 'v': Infinity is not a finite number (NaN and infinities are not allowed)",
                error("t,v\n1,Infinity\n"));
        assertEquals("in.csv, line 3: 3 fields, expected 2 (t,v)", error("t,v\n1,2\n2,3,4\n"));
    }

    @Test
    void aColumnNamedTwiceIsRefusedNamingIt() {
        assertEquals("in.csv, line 1: the header names the column 'value' twice (fields 2 and 3); rename one of them",
                error("month,value,value\n1,2,3\n2,3,4\n"));
        assertEquals("in.csv, line 1: the header names the column 'a' twice (fields 2 and 4); rename one of them",
                error("t, a ,b,a\n1,2,3,4\n"));
    }

    @Test
    void byteOrderMarkAndCrlfLoad() {
        Series s = SeriesCsvReader.parse("\uFEFFmonth,v\r\n1,2\r\n2,3\r\n".getBytes(StandardCharsets.UTF_8), "bom.csv");
        assertEquals("month", s.timeColumn());
        assertArrayEquals(new double[] {2, 3}, s.column("v"));
    }

    @Test
    void emptyHeaderOnlyAndBinaryFilesAreRejected() {
        assertEquals("in.csv is empty: expected a header row and numeric rows", error(""));
        assertEquals("in.csv has a header but no data rows", error("t,v\n"));
        assertEquals("in.csv, line 1: expected a header 'time,column[,column...]', got 'justone'", error("justone\n1\n"));
        byte[] binary = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff, (byte) 0xfe};
        UserInputException e = assertThrows(UserInputException.class, () -> SeriesCsvReader.parse(binary, "img.png"));
        assertEquals("img.png: not UTF-8 text (is it a binary file?)", e.getMessage());
    }

    @Test
    void missingFileIsAUserError() {
        UserInputException e = assertThrows(UserInputException.class, () -> SeriesCsvReader.read(Path.of("no/such/file.csv")));
        assertEquals("file no/such/file.csv does not exist", e.getMessage());
    }
}
