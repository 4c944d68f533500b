package io.rnnsuite.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.UserInputException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DatasetRegistryTest {

    @Test
    void everyCommittedSeriesLoadsWithItsChecksumAndHeader() {
        assertEquals(7, DatasetRegistry.ofKind(DatasetKind.TIME_SERIES).size());
        for (DatasetInfo info : DatasetRegistry.ofKind(DatasetKind.TIME_SERIES)) {
            String text = new String(DatasetRegistry.readVerified(info), StandardCharsets.UTF_8);
            String header = text.substring(0, text.indexOf('\n'));
            assertNotNull(info.series(), info.name());
            assertTrue(header.startsWith(info.series().timeColumn() + ","), info.name() + ": " + header);
            assertTrue(header.contains(info.series().defaultTarget()), info.name() + ": " + header);
            assertNotNull(info.licence());
        }
    }

    @Test
    void namesAreUniqueAndLookupIgnoresCase() {
        Set<String> names = new HashSet<>();
        for (DatasetInfo info : DatasetRegistry.all()) {
            assertTrue(names.add(info.name()), "duplicate " + info.name());
        }
        assertEquals("airpassengers", DatasetRegistry.get("AirPassengers", DatasetKind.TIME_SERIES).name());
    }

    @Test
    void unknownNameListsTheChoices() {
        UserInputException e = assertThrows(UserInputException.class,
                () -> DatasetRegistry.get("airpasengers", DatasetKind.TIME_SERIES));
        assertTrue(e.getMessage().contains("unknown dataset 'airpasengers'"), e.getMessage());
        assertTrue(e.getMessage().contains("co2"), e.getMessage());
    }

    @Test
    void changedBytesAreDetected() {
        DatasetInfo real = DatasetRegistry.get("co2", DatasetKind.TIME_SERIES);
        DatasetInfo tampered = new DatasetInfo(real.name(), real.kind(), real.description(), real.licence(),
                real.origin(), real.resource(), "0".repeat(64), real.series());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DatasetRegistry.readVerified(tampered));
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
    }
}
