package io.rnnsuite.common.recurrent;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Float element-wise kernels on the JDK Vector API (16 lanes with AVX-512), with exp, sigmoid and
 * tanh built from basic operations (see {@link #exp}). Same maths as {@link ScalarPointwise},
 * which handles the columns left over after the last full vector of each row. Only loaded when
 * the {@code jdk.incubator.vector} module is present (see {@link VectorSupport}).
 */
final class VectorPointwise implements Pointwise {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    private static final FloatVector ONE = FloatVector.broadcast(SPECIES, 1f);

    private static FloatVector load(Mem m, long index) {
        return FloatVector.fromByteBuffer(SPECIES, m.bytes, (int) (index << 2), ORDER);
    }

    private static void store(FloatVector v, Mem m, long index) {
        v.intoByteBuffer(m.bytes, (int) (index << 2), ORDER);
    }

    /*
     * exp, sigmoid and tanh from +, *, fma and bit operations only. The Vector API's own EXP / TANH
     * are Intel SVML once C2 has compiled the loop but StrictMath per lane before that, which
     * differ in the last bit: training results then depended on when the JIT kicked in, and two
     * runs with one seed disagreed. Basic IEEE operations give the same bits interpreted or
     * compiled. exp(x) = 2^n * p(r), n = round(x / ln 2), r = x - n ln 2 (Cody-Waite, two parts),
     * p a degree-6 Taylor polynomial on |r| <= ln2 / 2: relative error below 2e-7.
     */
    private static final float LOG2E = 1.44269504f;
    private static final float LN2_HI = 0.693145752f;
    private static final float LN2_LO = 1.42860677e-6f;
    private static final float ROUND = 12582912f; // 1.5 * 2^23: adding it rounds to an integer

    static FloatVector exp(FloatVector x) {
        FloatVector clamped = x.max(-87.3f).min(88.3f);
        FloatVector n = clamped.fma(LOG2E, ROUND).sub(ROUND);
        FloatVector r = n.fma(FloatVector.broadcast(SPECIES, -LN2_HI), clamped).sub(n.mul(LN2_LO));
        FloatVector p = r.fma(1f / 720, 1f / 120)
                .fma(r, FloatVector.broadcast(SPECIES, 1f / 24))
                .fma(r, FloatVector.broadcast(SPECIES, 1f / 6))
                .fma(r, FloatVector.broadcast(SPECIES, 0.5f))
                .fma(r, ONE)
                .fma(r, ONE);
        IntVector exponent = ((IntVector) n.convert(VectorOperators.F2I, 0)).add(127).lanewise(VectorOperators.LSHL, 23);
        return p.mul(exponent.reinterpretAsFloats());
    }

    static FloatVector sigmoid(FloatVector x) {
        return ONE.div(exp(x.neg()).add(1f));
    }

    static FloatVector tanh(FloatVector x) {
        // 1 - 2 / (e^{2x} + 1): exact limits +-1, absolute error ~1e-7 near 0
        return ONE.sub(FloatVector.broadcast(SPECIES, 2f).div(exp(x.mul(2f)).add(1f)));
    }

    @Override
    public void lstmForward(int rows, int hidden, Mem z, long zOffset, Mem bias,
                            Mem cPrev, long cPrevOffset, Mem c, long cOffset, Mem tc, long tcOffset,
                            Mem h, long hOffset, double[] mask, int maskOffset) {
        int width = 4 * hidden;
        int vectorEnd = SPECIES.loopBound(hidden);
        FloatVector zero = FloatVector.zero(SPECIES);
        for (int r = 0; r < rows; r++) {
            float m = mask == null ? 1f : (float) mask[maskOffset + r];
            long zr = zOffset + (long) r * width;
            long sr = (long) r * hidden;
            for (int j = 0; j < vectorEnd; j += SPECIES.length()) {
                FloatVector a = tanh(load(z, zr + j).add(load(bias, j)));
                FloatVector f = sigmoid(load(z, zr + hidden + j).add(load(bias, hidden + j)));
                FloatVector o = sigmoid(load(z, zr + 2 * hidden + j).add(load(bias, 2 * hidden + j)));
                FloatVector i = sigmoid(load(z, zr + 3 * hidden + j).add(load(bias, 3 * hidden + j)));
                FloatVector previous = cPrev == null ? zero : load(cPrev, cPrevOffset + sr + j);
                FloatVector cell = f.fma(previous, i.mul(a));
                FloatVector tanhCell = tanh(cell);
                store(a, z, zr + j);
                store(f, z, zr + hidden + j);
                store(o, z, zr + 2 * hidden + j);
                store(i, z, zr + 3 * hidden + j);
                store(cell.mul(m), c, cOffset + sr + j);
                store(tanhCell, tc, tcOffset + sr + j);
                store(o.mul(tanhCell).mul(m), h, hOffset + sr + j);
            }
            ScalarPointwise.lstmForwardRow(vectorEnd, hidden, hidden, m, z, zr, bias, cPrev, cPrevOffset + sr,
                    c, cOffset + sr, tc, tcOffset + sr, h, hOffset + sr);
        }
    }

    @Override
    public void lstmBackward(int rows, int hidden, Mem z, long zOffset, Mem cPrev, long cPrevOffset,
                             Mem tc, long tcOffset, Mem dh, long dhOffset, Mem dc, long dcOffset,
                             double[] mask, int maskOffset) {
        int width = 4 * hidden;
        int vectorEnd = SPECIES.loopBound(hidden);
        FloatVector zero = FloatVector.zero(SPECIES);
        for (int r = 0; r < rows; r++) {
            float m = mask == null ? 1f : (float) mask[maskOffset + r];
            long zr = zOffset + (long) r * width;
            long sr = (long) r * hidden;
            for (int j = 0; j < vectorEnd; j += SPECIES.length()) {
                FloatVector a = load(z, zr + j);
                FloatVector f = load(z, zr + hidden + j);
                FloatVector o = load(z, zr + 2 * hidden + j);
                FloatVector i = load(z, zr + 3 * hidden + j);
                FloatVector tanhCell = load(tc, tcOffset + sr + j);
                FloatVector previous = cPrev == null ? zero : load(cPrev, cPrevOffset + sr + j);
                FloatVector dhm = load(dh, dhOffset + sr + j).mul(m);
                FloatVector dCell = load(dc, dcOffset + sr + j).mul(m)
                        .add(dhm.mul(o).mul(tanhCell.mul(tanhCell).neg().add(1f)));
                store(dCell.mul(i).mul(a.mul(a).neg().add(1f)), z, zr + j);
                store(dCell.mul(previous).mul(f).mul(f.neg().add(1f)), z, zr + hidden + j);
                store(dhm.mul(tanhCell).mul(o).mul(o.neg().add(1f)), z, zr + 2 * hidden + j);
                store(dCell.mul(a).mul(i).mul(i.neg().add(1f)), z, zr + 3 * hidden + j);
                store(dCell.mul(f), dc, dcOffset + sr + j);
            }
            ScalarPointwise.lstmBackwardRow(vectorEnd, hidden, hidden, m, z, zr, cPrev, cPrevOffset + sr,
                    tc, tcOffset + sr, dh, dhOffset + sr, dc, dcOffset + sr);
        }
    }

    @Override
    public void simpleRnnForward(int rows, int hidden, Mem z, long zOffset, Mem bias, double[] mask, int maskOffset) {
        int vectorEnd = SPECIES.loopBound(hidden);
        for (int r = 0; r < rows; r++) {
            float m = mask == null ? 1f : (float) mask[maskOffset + r];
            long zr = zOffset + (long) r * hidden;
            for (int j = 0; j < vectorEnd; j += SPECIES.length()) {
                store(tanh(load(z, zr + j).add(load(bias, j))).mul(m), z, zr + j);
            }
            ScalarPointwise.simpleRnnForwardRow(vectorEnd, hidden, m, z, zr, bias);
        }
    }

    @Override
    public void simpleRnnBackward(int rows, int hidden, Mem h, long hOffset, Mem dh, long dhOffset,
                                  double[] mask, int maskOffset) {
        int vectorEnd = SPECIES.loopBound(hidden);
        for (int r = 0; r < rows; r++) {
            float m = mask == null ? 1f : (float) mask[maskOffset + r];
            long sr = (long) r * hidden;
            for (int j = 0; j < vectorEnd; j += SPECIES.length()) {
                FloatVector out = load(h, hOffset + sr + j);
                FloatVector grad = load(dh, dhOffset + sr + j);
                store(grad.mul(out.mul(out).neg().add(1f)).mul(m), dh, dhOffset + sr + j);
            }
            ScalarPointwise.simpleRnnBackwardRow(vectorEnd, hidden, m, h, hOffset + sr, dh, dhOffset + sr);
        }
    }

    @Override
    public void gruForward(int rows, int hidden, Mem gates, long gatesOffset, Mem bias,
                           Mem recurrent, long recurrentOffset, Mem recurrentBias, Mem hPrev, long hPrevOffset,
                           Mem hn, long hnOffset, Mem h, long hOffset, double[] mask, int maskOffset) {
        int width = 3 * hidden;
        int vectorEnd = SPECIES.loopBound(hidden);
        FloatVector zero = FloatVector.zero(SPECIES);
        for (int r = 0; r < rows; r++) {
            float m = mask == null ? 1f : (float) mask[maskOffset + r];
            long gr = gatesOffset + (long) r * width;
            long rr = recurrentOffset + (long) r * width;
            long sr = (long) r * hidden;
            for (int j = 0; j < vectorEnd; j += SPECIES.length()) {
                FloatVector recReset = load(recurrentBias, j);
                FloatVector recUpdate = load(recurrentBias, hidden + j);
                FloatVector recCandidate = load(recurrentBias, 2 * hidden + j);
                if (recurrent != null) {
                    recReset = recReset.add(load(recurrent, rr + j));
                    recUpdate = recUpdate.add(load(recurrent, rr + hidden + j));
                    recCandidate = recCandidate.add(load(recurrent, rr + 2 * hidden + j));
                }
                FloatVector reset = sigmoid(load(gates, gr + j).add(load(bias, j)).add(recReset));
                FloatVector update = sigmoid(load(gates, gr + hidden + j).add(load(bias, hidden + j)).add(recUpdate));
                FloatVector candidate = tanh(reset.fma(recCandidate,
                        load(gates, gr + 2 * hidden + j).add(load(bias, 2 * hidden + j))));
                FloatVector previous = hPrev == null ? zero : load(hPrev, hPrevOffset + sr + j);
                store(reset, gates, gr + j);
                store(update, gates, gr + hidden + j);
                store(candidate, gates, gr + 2 * hidden + j);
                store(recCandidate, hn, hnOffset + sr + j);
                // (1 - z) n + z hPrev = n + z (hPrev - n)
                store(update.fma(previous.sub(candidate), candidate).mul(m), h, hOffset + sr + j);
            }
            ScalarPointwise.gruForwardRow(vectorEnd, hidden, hidden, m, gates, gr, bias, recurrent, rr,
                    recurrentBias, hPrev, hPrevOffset + sr, hn, hnOffset + sr, h, hOffset + sr);
        }
    }

    @Override
    public void gruBackward(int rows, int hidden, Mem gates, long gatesOffset, Mem hn, long hnOffset,
                            Mem hPrev, long hPrevOffset, Mem dh, long dhOffset, Mem dhPrev, long dhPrevOffset,
                            double[] mask, int maskOffset) {
        int width = 3 * hidden;
        int vectorEnd = SPECIES.loopBound(hidden);
        FloatVector zero = FloatVector.zero(SPECIES);
        for (int r = 0; r < rows; r++) {
            float m = mask == null ? 1f : (float) mask[maskOffset + r];
            long gr = gatesOffset + (long) r * width;
            long sr = (long) r * hidden;
            for (int j = 0; j < vectorEnd; j += SPECIES.length()) {
                FloatVector reset = load(gates, gr + j);
                FloatVector update = load(gates, gr + hidden + j);
                FloatVector candidate = load(gates, gr + 2 * hidden + j);
                FloatVector recCandidate = load(hn, hnOffset + sr + j);
                FloatVector previous = hPrev == null ? zero : load(hPrev, hPrevOffset + sr + j);
                FloatVector dhm = load(dh, dhOffset + sr + j).mul(m);
                FloatVector oneMinusUpdate = update.neg().add(1f);
                FloatVector dCandidate = dhm.mul(oneMinusUpdate).mul(candidate.mul(candidate).neg().add(1f));
                FloatVector dUpdate = dhm.mul(previous.sub(candidate)).mul(update).mul(oneMinusUpdate);
                FloatVector dReset = dCandidate.mul(recCandidate).mul(reset).mul(reset.neg().add(1f));
                store(dReset, gates, gr + j);
                store(dUpdate, gates, gr + hidden + j);
                store(dCandidate, gates, gr + 2 * hidden + j);
                store(dCandidate.mul(reset), hn, hnOffset + sr + j);
                if (dhPrev != null) {
                    long at = dhPrevOffset + sr + j;
                    store(dhm.fma(update, load(dhPrev, at)), dhPrev, at);
                }
            }
            ScalarPointwise.gruBackwardRow(vectorEnd, hidden, hidden, m, gates, gr, hn, hnOffset + sr,
                    hPrev, hPrevOffset + sr, dh, dhOffset + sr, dhPrev, dhPrevOffset + sr);
        }
    }
}
