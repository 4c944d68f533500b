package io.rnnsuite.common.recurrent;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Float element-wise kernels on the JDK Vector API (16 lanes with AVX-512); HotSpot backs
 * {@code EXP} and {@code TANH} with Intel's SVML on x86. Same maths as {@link ScalarPointwise},
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

    private static FloatVector sigmoid(FloatVector x) {
        return ONE.div(x.neg().lanewise(VectorOperators.EXP).add(1f));
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
                FloatVector a = load(z, zr + j).add(load(bias, j)).lanewise(VectorOperators.TANH);
                FloatVector f = sigmoid(load(z, zr + hidden + j).add(load(bias, hidden + j)));
                FloatVector o = sigmoid(load(z, zr + 2 * hidden + j).add(load(bias, 2 * hidden + j)));
                FloatVector i = sigmoid(load(z, zr + 3 * hidden + j).add(load(bias, 3 * hidden + j)));
                FloatVector previous = cPrev == null ? zero : load(cPrev, cPrevOffset + sr + j);
                FloatVector cell = f.fma(previous, i.mul(a));
                FloatVector tanhCell = cell.lanewise(VectorOperators.TANH);
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
                store(load(z, zr + j).add(load(bias, j)).lanewise(VectorOperators.TANH).mul(m), z, zr + j);
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
                FloatVector candidate = reset.fma(recCandidate,
                        load(gates, gr + 2 * hidden + j).add(load(bias, 2 * hidden + j))).lanewise(VectorOperators.TANH);
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
