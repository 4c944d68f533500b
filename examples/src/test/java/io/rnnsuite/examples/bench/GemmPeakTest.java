package io.rnnsuite.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.openblas.global.openblas;
import org.junit.jupiter.api.Test;

/** The peak product runs at the thread count asked for and leaves BLAS's setting as it found it. */
class GemmPeakTest {

    @Test
    void measuresAPositiveRateAndRestoresTheThreadCount() {
        openblas.blas_set_num_threads(1);
        double rate = GemmPeak.measure(128, 1, 2);
        assertTrue(rate > 0 && Double.isFinite(rate), "rate " + rate);
        assertEquals(1, openblas.blas_get_num_threads(), "BLAS threads after the measurement");
    }

    @Test
    void refusesAThreadCountBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> GemmPeak.measure(16, 1, 0));
    }
}
