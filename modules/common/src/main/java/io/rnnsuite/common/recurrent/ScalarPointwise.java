package io.rnnsuite.common.recurrent;

/** Plain Java element-wise kernels in double arithmetic; float or double storage. */
final class ScalarPointwise implements Pointwise {

    static final ScalarPointwise INSTANCE = new ScalarPointwise();

    private ScalarPointwise() {
    }

    static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    @Override
    public void lstmForward(int rows, int hidden, Mem z, long zOffset, Mem bias,
                            Mem cPrev, long cPrevOffset, Mem c, long cOffset, Mem tc, long tcOffset,
                            Mem h, long hOffset, double[] mask, int maskOffset) {
        for (int r = 0; r < rows; r++) {
            double m = mask == null ? 1.0 : mask[maskOffset + r];
            long sr = (long) r * hidden;
            lstmForwardRow(0, hidden, hidden, m, z, zOffset + 4L * sr, bias,
                    cPrev, cPrevOffset + sr, c, cOffset + sr, tc, tcOffset + sr, h, hOffset + sr);
        }
    }

    /** Columns {@code [from, to)} of one row of {@link #lstmForward}; offsets point at the row. */
    static void lstmForwardRow(int from, int to, int hidden, double m, Mem z, long zr, Mem bias,
                               Mem cPrev, long cPrevRow, Mem c, long cRow, Mem tc, long tcRow, Mem h, long hRow) {
        for (int j = from; j < to; j++) {
            double a = Math.tanh(z.get(zr + j) + bias.get(j));
            double f = sigmoid(z.get(zr + hidden + j) + bias.get(hidden + j));
            double o = sigmoid(z.get(zr + 2 * hidden + j) + bias.get(2 * hidden + j));
            double i = sigmoid(z.get(zr + 3 * hidden + j) + bias.get(3 * hidden + j));
            double previous = cPrev == null ? 0.0 : cPrev.get(cPrevRow + j);
            double cell = f * previous + i * a;
            double tanhCell = Math.tanh(cell);
            z.set(zr + j, a);
            z.set(zr + hidden + j, f);
            z.set(zr + 2 * hidden + j, o);
            z.set(zr + 3 * hidden + j, i);
            c.set(cRow + j, m * cell);
            tc.set(tcRow + j, tanhCell);
            h.set(hRow + j, m * o * tanhCell);
        }
    }

    @Override
    public void lstmBackward(int rows, int hidden, Mem z, long zOffset, Mem cPrev, long cPrevOffset,
                             Mem tc, long tcOffset, Mem dh, long dhOffset, Mem dc, long dcOffset,
                             double[] mask, int maskOffset) {
        for (int r = 0; r < rows; r++) {
            double m = mask == null ? 1.0 : mask[maskOffset + r];
            long sr = (long) r * hidden;
            lstmBackwardRow(0, hidden, hidden, m, z, zOffset + 4L * sr, cPrev, cPrevOffset + sr,
                    tc, tcOffset + sr, dh, dhOffset + sr, dc, dcOffset + sr);
        }
    }

    /** Columns {@code [from, to)} of one row of {@link #lstmBackward}; offsets point at the row. */
    static void lstmBackwardRow(int from, int to, int hidden, double m, Mem z, long zr, Mem cPrev, long cPrevRow,
                                Mem tc, long tcRow, Mem dh, long dhRow, Mem dc, long dcRow) {
        for (int j = from; j < to; j++) {
            double a = z.get(zr + j);
            double f = z.get(zr + hidden + j);
            double o = z.get(zr + 2 * hidden + j);
            double i = z.get(zr + 3 * hidden + j);
            double tanhCell = tc.get(tcRow + j);
            double previous = cPrev == null ? 0.0 : cPrev.get(cPrevRow + j);
            double dhm = m * dh.get(dhRow + j);
            double dCell = m * dc.get(dcRow + j) + dhm * o * (1 - tanhCell * tanhCell);
            z.set(zr + j, dCell * i * (1 - a * a));
            z.set(zr + hidden + j, dCell * previous * f * (1 - f));
            z.set(zr + 2 * hidden + j, dhm * tanhCell * o * (1 - o));
            z.set(zr + 3 * hidden + j, dCell * a * i * (1 - i));
            dc.set(dcRow + j, dCell * f);
        }
    }
}
