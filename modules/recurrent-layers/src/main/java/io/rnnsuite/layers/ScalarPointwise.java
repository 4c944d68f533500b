package io.rnnsuite.layers;

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

    @Override
    public void simpleRnnForward(int rows, int hidden, Mem z, long zOffset, Mem bias, double[] mask, int maskOffset) {
        for (int r = 0; r < rows; r++) {
            double m = mask == null ? 1.0 : mask[maskOffset + r];
            simpleRnnForwardRow(0, hidden, m, z, zOffset + (long) r * hidden, bias);
        }
    }

    /** Columns {@code [from, to)} of one row of {@link #simpleRnnForward}; {@code zRow} points at the row. */
    static void simpleRnnForwardRow(int from, int to, double m, Mem z, long zRow, Mem bias) {
        for (int j = from; j < to; j++) {
            z.set(zRow + j, m * Math.tanh(z.get(zRow + j) + bias.get(j)));
        }
    }

    @Override
    public void simpleRnnBackward(int rows, int hidden, Mem h, long hOffset, Mem dh, long dhOffset,
                                  double[] mask, int maskOffset) {
        for (int r = 0; r < rows; r++) {
            double m = mask == null ? 1.0 : mask[maskOffset + r];
            long sr = (long) r * hidden;
            simpleRnnBackwardRow(0, hidden, m, h, hOffset + sr, dh, dhOffset + sr);
        }
    }

    /** Columns {@code [from, to)} of one row of {@link #simpleRnnBackward}; offsets point at the row. */
    static void simpleRnnBackwardRow(int from, int to, double m, Mem h, long hRow, Mem dh, long dhRow) {
        for (int j = from; j < to; j++) {
            double out = h.get(hRow + j);
            dh.set(dhRow + j, m * (1 - out * out) * dh.get(dhRow + j));
        }
    }

    @Override
    public void gruForward(int rows, int hidden, Mem gates, long gatesOffset, Mem bias,
                           Mem recurrent, long recurrentOffset, Mem recurrentBias, Mem hPrev, long hPrevOffset,
                           Mem hn, long hnOffset, Mem h, long hOffset, double[] mask, int maskOffset) {
        for (int r = 0; r < rows; r++) {
            double m = mask == null ? 1.0 : mask[maskOffset + r];
            long sr = (long) r * hidden;
            gruForwardRow(0, hidden, hidden, m, gates, gatesOffset + 3 * sr, bias,
                    recurrent, recurrentOffset + 3 * sr, recurrentBias, hPrev, hPrevOffset + sr,
                    hn, hnOffset + sr, h, hOffset + sr);
        }
    }

    /** Columns {@code [from, to)} of one row of {@link #gruForward}; offsets point at the row. */
    static void gruForwardRow(int from, int to, int hidden, double m, Mem gates, long gRow, Mem bias,
                              Mem recurrent, long recRow, Mem recurrentBias, Mem hPrev, long hPrevRow,
                              Mem hn, long hnRow, Mem h, long hRow) {
        for (int j = from; j < to; j++) {
            double recReset = recurrentBias.get(j);
            double recUpdate = recurrentBias.get(hidden + j);
            double recCandidate = recurrentBias.get(2 * hidden + j);
            if (recurrent != null) {
                recReset += recurrent.get(recRow + j);
                recUpdate += recurrent.get(recRow + hidden + j);
                recCandidate += recurrent.get(recRow + 2 * hidden + j);
            }
            double reset = sigmoid(gates.get(gRow + j) + bias.get(j) + recReset);
            double update = sigmoid(gates.get(gRow + hidden + j) + bias.get(hidden + j) + recUpdate);
            double candidate = Math.tanh(gates.get(gRow + 2 * hidden + j) + bias.get(2 * hidden + j)
                    + reset * recCandidate);
            double previous = hPrev == null ? 0.0 : hPrev.get(hPrevRow + j);
            gates.set(gRow + j, reset);
            gates.set(gRow + hidden + j, update);
            gates.set(gRow + 2 * hidden + j, candidate);
            hn.set(hnRow + j, recCandidate);
            h.set(hRow + j, m * ((1 - update) * candidate + update * previous));
        }
    }

    @Override
    public void gruBackward(int rows, int hidden, Mem gates, long gatesOffset, Mem hn, long hnOffset,
                            Mem hPrev, long hPrevOffset, Mem dh, long dhOffset, Mem dhPrev, long dhPrevOffset,
                            double[] mask, int maskOffset) {
        for (int r = 0; r < rows; r++) {
            double m = mask == null ? 1.0 : mask[maskOffset + r];
            long sr = (long) r * hidden;
            gruBackwardRow(0, hidden, hidden, m, gates, gatesOffset + 3 * sr, hn, hnOffset + sr,
                    hPrev, hPrevOffset + sr, dh, dhOffset + sr, dhPrev, dhPrevOffset + sr);
        }
    }

    /** Columns {@code [from, to)} of one row of {@link #gruBackward}; offsets point at the row. */
    static void gruBackwardRow(int from, int to, int hidden, double m, Mem gates, long gRow, Mem hn, long hnRow,
                               Mem hPrev, long hPrevRow, Mem dh, long dhRow, Mem dhPrev, long dhPrevRow) {
        for (int j = from; j < to; j++) {
            double reset = gates.get(gRow + j);
            double update = gates.get(gRow + hidden + j);
            double candidate = gates.get(gRow + 2 * hidden + j);
            double recCandidate = hn.get(hnRow + j);
            double previous = hPrev == null ? 0.0 : hPrev.get(hPrevRow + j);
            double dhm = m * dh.get(dhRow + j);
            double dCandidate = dhm * (1 - update) * (1 - candidate * candidate);
            double dUpdate = dhm * (previous - candidate) * update * (1 - update);
            double dReset = dCandidate * recCandidate * reset * (1 - reset);
            gates.set(gRow + j, dReset);
            gates.set(gRow + hidden + j, dUpdate);
            gates.set(gRow + 2 * hidden + j, dCandidate);
            hn.set(hnRow + j, dCandidate * reset);
            if (dhPrev != null) {
                dhPrev.add(dhPrevRow + j, dhm * update);
            }
        }
    }

    @Override
    public void adam(int n, Mem g, long gOffset, Mem m, long mOffset, Mem v, long vOffset,
                     double beta1, double beta2, double stepSize, double epsilon) {
        adamRange(0, n, g, gOffset, m, mOffset, v, vOffset, beta1, beta2, stepSize, epsilon);
    }

    /** {@link #adam} on elements {@code from..to}: float arithmetic for float memory, double for double. */
    static void adamRange(int from, int to, Mem g, long gOffset, Mem m, long mOffset, Mem v, long vOffset,
                          double beta1, double beta2, double stepSize, double epsilon) {
        if (g.floats != null && m.floats != null && v.floats != null) {
            float b1 = (float) beta1;
            float b2 = (float) beta2;
            float keep1 = 1f - b1;
            float keep2 = 1f - b2;
            float step = (float) stepSize;
            float eps = (float) epsilon;
            for (int i = from; i < to; i++) {
                float gi = g.floats.get((int) (gOffset + i));
                float mi = b1 * m.floats.get((int) (mOffset + i)) + gi * keep1;
                float vi = b2 * v.floats.get((int) (vOffset + i)) + gi * gi * keep2;
                m.floats.put((int) (mOffset + i), mi);
                v.floats.put((int) (vOffset + i), vi);
                g.floats.put((int) (gOffset + i), mi * step / ((float) Math.sqrt(vi) + eps));
            }
            return;
        }
        for (int i = from; i < to; i++) {
            double gi = g.get(gOffset + i);
            double mi = beta1 * m.get(mOffset + i) + gi * (1 - beta1);
            double vi = beta2 * v.get(vOffset + i) + gi * gi * (1 - beta2);
            m.set(mOffset + i, mi);
            v.set(vOffset + i, vi);
            g.set(gOffset + i, mi * stepSize / (Math.sqrt(vi) + epsilon));
        }
    }

    @Override
    public double softmaxCrossEntropy(int from, int to, int n, Mem z, int[] label, double clip, Mem mask, long maskStride,
                                      Mem d) {
        double[] p = new double[n];
        double sum = 0;
        for (int r = from; r < to; r++) {
            long at = (long) r * n;
            double total = exponentials(z, at, n, p);
            double m = mask == null ? 1 : mask.get(r * maskStride);
            int y = label[r];
            if (y >= 0) {
                sum -= m * Math.log(clipped(p[y] / total, clip));
            }
            if (d != null) {
                for (int j = 0; j < n; j++) {
                    d.set(at + j, m * (p[j] / total - (j == y ? 1 : 0)));
                }
            }
        }
        return sum;
    }

    @Override
    public void softmax(int from, int to, int n, Mem z) {
        double[] e = new double[n];
        for (int r = from; r < to; r++) {
            long at = (long) r * n;
            double total = exponentials(z, at, n, e);
            for (int j = 0; j < n; j++) {
                z.set(at + j, e[j] / total);
            }
        }
    }

    /**
     * A softmax's numerators for the {@code n} values of {@code z} from {@code at}:
     * {@code e[j] = exp(z[j] - max z)}; returns their sum.
     */
    static double exponentials(Mem z, long at, int n, double[] e) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            max = Math.max(max, z.get(at + j));
        }
        double total = 0;
        for (int j = 0; j < n; j++) {
            e[j] = Math.exp(z.get(at + j) - max);
            total += e[j];
        }
        return total;
    }

    /** {@code p} kept in {@code [clip, 1 - clip]} (DL4J's softmax clipping), unchanged for clip 0. */
    static double clipped(double p, double clip) {
        return clip > 0 ? Math.min(Math.max(p, clip), 1 - clip) : p;
    }

    @Override
    public double sumOfSquares(int n, Mem x, long offset) {
        return sumOfSquaresRange(0, n, x, offset);
    }

    /** {@link #sumOfSquares} of elements {@code from..to}, added in double. */
    static double sumOfSquaresRange(int from, int to, Mem x, long offset) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            double v = x.get(offset + i);
            sum += v * v;
        }
        return sum;
    }
}
