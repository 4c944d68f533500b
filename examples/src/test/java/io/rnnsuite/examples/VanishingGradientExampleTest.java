package io.rnnsuite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.CellType;
import io.rnnsuite.lab.GradientLab;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke test of the vanishing-gradient example through its run(args), with a handful of updates. */
class VanishingGradientExampleTest {

    @Test
    void runsEndToEnd(@TempDir Path tmp) {
        GradientLab.Result result = VanishingGradientExample.run("--quick", "--max-updates", "5", "--output-dir", tmp.toString());
        // one profile at initialisation and one after training, for every cell type
        assertEquals(2 * CellType.values().length, result.profiles().size());
        for (CellType cell : CellType.values()) {
            assertEquals(2, result.profiles().stream().filter(p -> p.cell().equals(cell.cliName())).count(),
                    cell.cliName());
        }
        for (GradientLab.NormProfile profile : result.profiles()) {
            assertEquals(result.config().length(), profile.norms().length);
            assertTrue(profile.firstToLastRatio() > 0 && Double.isFinite(profile.firstToLastRatio()), profile.cell());
        }
        assertEquals(2, result.exploding().size());
        assertTrue(Files.isRegularFile(tmp.resolve("report.md")));
        assertTrue(Files.isRegularFile(tmp.resolve("gradient-norms.png")));
        assertTrue(Files.isRegularFile(tmp.resolve("exploding-loss.png")));
    }

    @Test
    void aBadFlagIsOneLineAndNoRun() {
        assertEquals(null, VanishingGradientExample.run("--max-updates", "many"));
    }
}
