package io.rnnsuite.common.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Steal time: parsed from /proc/stat's "cpu" line, reported and warned about per run. */
class MachineInfoTest {

    @Test
    void stealIsTheEighthCounterOfTheCpuLineInTicks() {
        // cpu user nice system idle iowait irq softirq steal guest guest_nice
        assertEquals(2.34, MachineInfo.stealSeconds("cpu  6082 0 1404 1659288 319 0 102 234 0 0"), 1e-12);
        assertNull(MachineInfo.stealSeconds("cpu0 6082 0 1404 1659288 319 0 102 234 0 0"), "a single core's line");
        assertNull(MachineInfo.stealSeconds("cpu  6082 0 1404 1659288"), "an old kernel's line without steal");
        assertNull(MachineInfo.stealSeconds("cpu  a b c d e f g h"), "not numbers");
    }

    @Test
    void theRunsStealIsShownAndAboveTheThresholdWarnedAbout() {
        double[] idle = {0.1, 0.1, 0.1};
        MachineInfo quiet = new MachineInfo(2, "cpu", "os", "jvm", true, "MKL", idle, idle, 10.0, 10.6);
        assertEquals(0.6, quiet.stolenDuringRun(), 1e-12);
        assertTrue(quiet.describe().endsWith("; host steal 0.6 s during the run"), quiet.describe());
        assertTrue(quiet.noiseWarning().isEmpty());

        MachineInfo stolen = new MachineInfo(2, "cpu", "os", "jvm", true, "MKL", idle, idle, 10.0, 10.0 + MachineInfo.NOISY_STEAL_SECONDS + 1);
        assertTrue(stolen.noiseWarning().orElseThrow().contains("6.0 s of the cores' time"), stolen.noiseWarning().toString());

        MachineInfo unknown = new MachineInfo(2, "cpu", "os", "jvm", true, "MKL", idle, null, 10.0, null);
        assertNull(unknown.stolenDuringRun());
        assertTrue(!unknown.describe().contains("steal") && unknown.noiseWarning().isEmpty(), unknown.describe());
    }
}
