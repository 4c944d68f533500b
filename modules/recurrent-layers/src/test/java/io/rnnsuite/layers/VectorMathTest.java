package io.rnnsuite.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/** The vector kernels' own exp / sigmoid / tanh (basic operations only, so JIT-independent). */
class VectorMathTest {

    private static float[] lanes(float start, float step) {
        float[] values = new float[FloatVector.SPECIES_PREFERRED.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = start + i * step;
        }
        return values;
    }

    @Test
    void expSigmoidAndTanhAgreeWithMath() {
        double worstExp = 0;
        double worstSigmoid = 0;
        double worstTanh = 0;
        for (float start = -90f; start < 90f; start += 0.37f) {
            float[] x = lanes(start, 0.0213f);
            float[] e = new float[x.length];
            float[] s = new float[x.length];
            float[] t = new float[x.length];
            FloatVector v = FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, x, 0);
            VectorPointwise.exp(v).intoArray(e, 0);
            VectorPointwise.sigmoid(v).intoArray(s, 0);
            VectorPointwise.tanh(v).intoArray(t, 0);
            for (int i = 0; i < x.length; i++) {
                if (Math.abs(x[i]) < 87) {
                    worstExp = Math.max(worstExp, Math.abs(e[i] - Math.exp(x[i])) / Math.exp(x[i]));
                }
                worstSigmoid = Math.max(worstSigmoid, Math.abs(s[i] - 1 / (1 + Math.exp(-x[i]))));
                worstTanh = Math.max(worstTanh, Math.abs(t[i] - Math.tanh(x[i])));
            }
        }
        assertTrue(worstExp < 3e-7, "exp relative error " + worstExp);
        assertTrue(worstSigmoid < 2e-7, "sigmoid error " + worstSigmoid);
        assertTrue(worstTanh < 3e-7, "tanh error " + worstTanh);
        float[] limits = new float[FloatVector.SPECIES_PREFERRED.length()];
        limits[0] = 1e4f;
        limits[1] = -1e4f;
        float[] out = new float[limits.length];
        VectorPointwise.tanh(FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, limits, 0)).intoArray(out, 0);
        assertEquals(1f, out[0]);
        assertEquals(-1f, out[1]);
        assertEquals(0f, out[2]);
    }
}
