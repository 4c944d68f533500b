package io.rnnsuite.layers;

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
    private static final int ROUND_BITS = Float.floatToRawIntBits(ROUND);

    static FloatVector exp(FloatVector x) {
        FloatVector clamped = x.max(-87.3f).min(88.3f);
        FloatVector shifted = clamped.fma(LOG2E, ROUND); // n + 1.5 * 2^23: n sits in the low mantissa bits
        FloatVector n = shifted.sub(ROUND);
        FloatVector r = n.fma(FloatVector.broadcast(SPECIES, -LN2_HI), clamped).sub(n.mul(LN2_LO));
        FloatVector p = r.fma(1f / 720, 1f / 120)
                .fma(r, FloatVector.broadcast(SPECIES, 1f / 24))
                .fma(r, FloatVector.broadcast(SPECIES, 1f / 6))
                .fma(r, FloatVector.broadcast(SPECIES, 0.5f))
                .fma(r, ONE)
                .fma(r, ONE);
        // 2^n from the bits of `shifted` (its bits are ROUND_BITS + n): integer add and shift only. A
        // float-to-int conversion (VectorOperators.F2I) is not intrinsified by JDK 17 here and ran
        // on the Vector API's boxed fallback, which took most of the element-wise time.
        IntVector exponent = ((IntVector) shifted.reinterpretAsInts()).add(127 - ROUND_BITS).lanewise(VectorOperators.LSHL, 23);
        return p.mul(exponent.reinterpretAsFloats());
    }

    static FloatVector sigmoid(FloatVector x) {
        return ONE.div(exp(x.neg()).add(1f));
    }

    static FloatVector tanh(FloatVector x) {
        // 2 sigmoid(2x) - 1: exact limits +-1, absolute error ~1e-7 near 0; the same expression as
        // gate(x, 2) so that one loop serves sigmoid and tanh gates
        return gate(x, 2f);
    }

    /** {@code scale * sigmoid(scale * x) - (scale - 1)}: sigmoid for scale 1 (exactly), tanh for scale 2. */
    private static FloatVector gate(FloatVector x, float scale) {
        return sigmoid(x.mul(scale)).mul(scale).sub(scale - 1f);
    }

    /*
     * The loops are split so that each holds one exp chain and every gate block goes through one
     * call site. C2 stops inlining inside a compilation once it holds about 18,000 IR nodes
     * (NodeCountInliningCutoff); the Vector API's plumbing makes one exp chain with its loads and
     * stores several thousand. A loop with all five LSTM activations passed the limit, its load /
     * store / sigmoid calls stayed calls, every vector was boxed, and the element-wise pass ran
     * about 4x slower (17 ms instead of 4.5 ms per 100 steps at B64 H128, measured).
     */

    /**
     * {@code z[at + j] = gate(z[at + j] + bias[biasAt + j], scale)} for {@code j < end}, in place:
     * sigmoid for scale 1, tanh for scale 2.
     */
    private static void activateWithBias(Mem z, long at, Mem bias, long biasAt, int end, float scale) {
        for (int j = 0; j < end; j += SPECIES.length()) {
            store(gate(load(z, at + j).add(load(bias, biasAt + j)), scale), z, at + j);
        }
    }

    @Override
    public void lstmForward(int rows, int hidden, Mem z, long zOffset, Mem bias,
                            Mem cPrev, long cPrevOffset, Mem c, long cOffset, Mem tc, long tcOffset,
                            Mem h, long hOffset, double[] mask, int maskOffset) {
        int width = 4 * hidden;
        int vectorEnd = SPECIES.loopBound(hidden);
        for (int r = 0; r < rows; r++) {
            float m = mask == null ? 1f : (float) mask[maskOffset + r];
            long zr = zOffset + (long) r * width;
            long sr = (long) r * hidden;
            // gate blocks [a | f | o | i], activated in place: tanh for a, sigmoid for the others
            for (int block = 0; block < 4; block++) {
                activateWithBias(z, zr + (long) block * hidden, bias, (long) block * hidden, vectorEnd,
                        block == 0 ? 2f : 1f);
            }
            lstmCellState(z, zr, hidden, cPrev, cPrevOffset + sr, c, cOffset + sr, vectorEnd);
            lstmOutputs(z, zr, hidden, m, c, cOffset + sr, tc, tcOffset + sr, h, hOffset + sr, vectorEnd);
            ScalarPointwise.lstmForwardRow(vectorEnd, hidden, hidden, m, z, zr, bias, cPrev, cPrevOffset + sr,
                    c, cOffset + sr, tc, tcOffset + sr, h, hOffset + sr);
        }
    }

    /** One row's cell state from activated gates: {@code c = f c_prev + i a} (unmasked; lstmOutputs masks it). */
    private static void lstmCellState(Mem z, long zr, int hidden, Mem cPrev, long cPrevAt, Mem c, long cAt, int end) {
        FloatVector zero = FloatVector.zero(SPECIES);
        for (int j = 0; j < end; j += SPECIES.length()) {
            FloatVector a = load(z, zr + j);
            FloatVector f = load(z, zr + hidden + j);
            FloatVector i = load(z, zr + 3L * hidden + j);
            FloatVector previous = cPrev == null ? zero : load(cPrev, cPrevAt + j);
            store(f.fma(previous, i.mul(a)), c, cAt + j);
        }
    }

    /** One row's {@code tanh(c)} and {@code h = o tanh(c)}, then the mask applied to c and h. */
    private static void lstmOutputs(Mem z, long zr, int hidden, float m, Mem c, long cAt, Mem tc, long tcAt,
                                    Mem h, long hAt, int end) {
        for (int j = 0; j < end; j += SPECIES.length()) {
            FloatVector cell = load(c, cAt + j);
            FloatVector tanhCell = tanh(cell);
            store(cell.mul(m), c, cAt + j);
            store(tanhCell, tc, tcAt + j);
            store(load(z, zr + 2L * hidden + j).mul(tanhCell).mul(m), h, hAt + j);
        }
    }

    @Override
    public void lstmBackward(int rows, int hidden, Mem z, long zOffset, Mem cPrev, long cPrevOffset,
                             Mem tc, long tcOffset, Mem dh, long dhOffset, Mem dc, long dcOffset,
                             double[] mask, int maskOffset) {
        int width = 4 * hidden;
        int vectorEnd = SPECIES.loopBound(hidden);
        for (int r = 0; r < rows; r++) {
            float m = mask == null ? 1f : (float) mask[maskOffset + r];
            long zr = zOffset + (long) r * width;
            long sr = (long) r * hidden;
            lstmCellGradients(z, zr, hidden, m, tc, tcOffset + sr, dh, dhOffset + sr, dc, dcOffset + sr, vectorEnd);
            lstmGateGradients(z, zr, hidden, cPrev, cPrevOffset + sr, dc, dcOffset + sr, vectorEnd);
            ScalarPointwise.lstmBackwardRow(vectorEnd, hidden, hidden, m, z, zr, cPrev, cPrevOffset + sr,
                    tc, tcOffset + sr, dh, dhOffset + sr, dc, dcOffset + sr);
        }
    }

    /**
     * One row: {@code dc = dc m + dh m o (1 - tanh(c)^2)} (the cell gradient, in place) and the output
     * gate's pre-activation gradient {@code dh m tanh(c) o (1 - o)} into z's o block.
     */
    private static void lstmCellGradients(Mem z, long zr, int hidden, float m, Mem tc, long tcAt, Mem dh, long dhAt,
                                          Mem dc, long dcAt, int end) {
        for (int j = 0; j < end; j += SPECIES.length()) {
            FloatVector o = load(z, zr + 2L * hidden + j);
            FloatVector tanhCell = load(tc, tcAt + j);
            FloatVector dhm = load(dh, dhAt + j).mul(m);
            store(load(dc, dcAt + j).mul(m).add(dhm.mul(o).mul(tanhCell.mul(tanhCell).neg().add(1f))), dc, dcAt + j);
            store(dhm.mul(tanhCell).mul(o).mul(o.neg().add(1f)), z, zr + 2L * hidden + j);
        }
    }

    /**
     * One row, from the cell gradient in dc: the a, f and i pre-activation gradients into z, then
     * {@code dc = dc f}, the cell gradient carried to the previous step.
     */
    private static void lstmGateGradients(Mem z, long zr, int hidden, Mem cPrev, long cPrevAt, Mem dc, long dcAt,
                                          int end) {
        FloatVector zero = FloatVector.zero(SPECIES);
        for (int j = 0; j < end; j += SPECIES.length()) {
            FloatVector a = load(z, zr + j);
            FloatVector f = load(z, zr + hidden + j);
            FloatVector i = load(z, zr + 3L * hidden + j);
            FloatVector previous = cPrev == null ? zero : load(cPrev, cPrevAt + j);
            FloatVector dCell = load(dc, dcAt + j);
            store(dCell.mul(i).mul(a.mul(a).neg().add(1f)), z, zr + j);
            store(dCell.mul(previous).mul(f).mul(f.neg().add(1f)), z, zr + hidden + j);
            store(dCell.mul(a).mul(i).mul(i.neg().add(1f)), z, zr + 3L * hidden + j);
            store(dCell.mul(f), dc, dcAt + j);
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
        for (int r = 0; r < rows; r++) {
            float m = mask == null ? 1f : (float) mask[maskOffset + r];
            long gr = gatesOffset + (long) r * width;
            long rr = recurrentOffset + (long) r * width;
            long sr = (long) r * hidden;
            // blocks [r | z | n]; reset and update activated in place, one loop each (see lstmForward)
            for (int block = 0; block < 2; block++) {
                gruGate(gates, gr, bias, recurrent, rr, recurrentBias, block * hidden, vectorEnd);
            }
            gruCandidate(gates, gr, bias, recurrent, rr, recurrentBias, hidden, hn, hnOffset + sr, vectorEnd);
            gruOutput(gates, gr, hidden, m, hPrev, hPrevOffset + sr, h, hOffset + sr, vectorEnd);
            ScalarPointwise.gruForwardRow(vectorEnd, hidden, hidden, m, gates, gr, bias, recurrent, rr,
                    recurrentBias, hPrev, hPrevOffset + sr, hn, hnOffset + sr, h, hOffset + sr);
        }
    }

    /** {@code g = sigmoid(x_g + b_g + (h W_hg + b_hg))} in place, for the block starting at column {@code block}. */
    private static void gruGate(Mem gates, long gr, Mem bias, Mem recurrent, long rr, Mem recurrentBias, int block,
                                int end) {
        for (int j = 0; j < end; j += SPECIES.length()) {
            FloatVector rec = load(recurrentBias, block + j);
            if (recurrent != null) {
                rec = rec.add(load(recurrent, rr + block + j));
            }
            store(sigmoid(load(gates, gr + block + j).add(load(bias, block + j)).add(rec)), gates, gr + block + j);
        }
    }

    /** {@code n = tanh(x_n + b_n + r (h W_hn + b_hn))} into the n block; {@code h W_hn + b_hn} kept in hn. */
    private static void gruCandidate(Mem gates, long gr, Mem bias, Mem recurrent, long rr, Mem recurrentBias,
                                     int hidden, Mem hn, long hnAt, int end) {
        long nBlock = 2L * hidden;
        for (int j = 0; j < end; j += SPECIES.length()) {
            FloatVector recCandidate = load(recurrentBias, nBlock + j);
            if (recurrent != null) {
                recCandidate = recCandidate.add(load(recurrent, rr + nBlock + j));
            }
            FloatVector reset = load(gates, gr + j);
            store(tanh(reset.fma(recCandidate, load(gates, gr + nBlock + j).add(load(bias, nBlock + j)))),
                    gates, gr + nBlock + j);
            store(recCandidate, hn, hnAt + j);
        }
    }

    /** {@code h = (1 - z) n + z h_prev}, masked. */
    private static void gruOutput(Mem gates, long gr, int hidden, float m, Mem hPrev, long hPrevAt, Mem h, long hAt,
                                  int end) {
        FloatVector zero = FloatVector.zero(SPECIES);
        for (int j = 0; j < end; j += SPECIES.length()) {
            FloatVector update = load(gates, gr + hidden + j);
            FloatVector candidate = load(gates, gr + 2L * hidden + j);
            FloatVector previous = hPrev == null ? zero : load(hPrev, hPrevAt + j);
            // (1 - z) n + z hPrev = n + z (hPrev - n)
            store(update.fma(previous.sub(candidate), candidate).mul(m), h, hAt + j);
        }
    }

    @Override
    public void gruBackward(int rows, int hidden, Mem gates, long gatesOffset, Mem hn, long hnOffset,
                            Mem hPrev, long hPrevOffset, Mem dh, long dhOffset, Mem dhPrev, long dhPrevOffset,
                            double[] mask, int maskOffset) {
        int width = 3 * hidden;
        int vectorEnd = SPECIES.loopBound(hidden);
        for (int r = 0; r < rows; r++) {
            float m = mask == null ? 1f : (float) mask[maskOffset + r];
            long gr = gatesOffset + (long) r * width;
            long sr = (long) r * hidden;
            gruUpdateGradients(gates, gr, hidden, m, hPrev, hPrevOffset + sr, dh, dhOffset + sr,
                    dhPrev, dhPrevOffset + sr, vectorEnd);
            gruResetGradients(gates, gr, hidden, hn, hnOffset + sr, vectorEnd);
            ScalarPointwise.gruBackwardRow(vectorEnd, hidden, hidden, m, gates, gr, hn, hnOffset + sr,
                    hPrev, hPrevOffset + sr, dh, dhOffset + sr, dhPrev, dhPrevOffset + sr);
        }
    }

    /**
     * One row: the z and n pre-activation gradients into their blocks (n's stays readable for
     * {@link #gruResetGradients}) and {@code dh_prev += dh m z}.
     */
    private static void gruUpdateGradients(Mem gates, long gr, int hidden, float m, Mem hPrev, long hPrevAt,
                                           Mem dh, long dhAt, Mem dhPrev, long dhPrevAt, int end) {
        FloatVector zero = FloatVector.zero(SPECIES);
        for (int j = 0; j < end; j += SPECIES.length()) {
            FloatVector update = load(gates, gr + hidden + j);
            FloatVector candidate = load(gates, gr + 2L * hidden + j);
            FloatVector previous = hPrev == null ? zero : load(hPrev, hPrevAt + j);
            FloatVector dhm = load(dh, dhAt + j).mul(m);
            FloatVector oneMinusUpdate = update.neg().add(1f);
            store(dhm.mul(oneMinusUpdate).mul(candidate.mul(candidate).neg().add(1f)), gates, gr + 2L * hidden + j);
            store(dhm.mul(previous.sub(candidate)).mul(update).mul(oneMinusUpdate), gates, gr + hidden + j);
            if (dhPrev != null) {
                store(dhm.fma(update, load(dhPrev, dhPrevAt + j)), dhPrev, dhPrevAt + j);
            }
        }
    }

    /** One row: the r pre-activation gradient from n's, and {@code dn r} into hn (the gradient of h W_hn + b_hn). */
    private static void gruResetGradients(Mem gates, long gr, int hidden, Mem hn, long hnAt, int end) {
        for (int j = 0; j < end; j += SPECIES.length()) {
            FloatVector reset = load(gates, gr + j);
            FloatVector dCandidate = load(gates, gr + 2L * hidden + j);
            FloatVector recCandidate = load(hn, hnAt + j);
            store(dCandidate.mul(recCandidate).mul(reset).mul(reset.neg().add(1f)), gates, gr + j);
            store(dCandidate.mul(reset), hn, hnAt + j);
        }
    }

    @Override
    public void adam(int n, Mem g, long gOffset, Mem m, long mOffset, Mem v, long vOffset,
                     double beta1, double beta2, double stepSize, double epsilon) {
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float keep1 = 1f - b1;
        float keep2 = 1f - b2;
        float step = (float) stepSize;
        float eps = (float) epsilon;
        int vectorEnd = SPECIES.loopBound(n);
        for (int i = 0; i < vectorEnd; i += SPECIES.length()) {
            FloatVector gi = load(g, gOffset + i);
            FloatVector mi = load(m, mOffset + i).mul(b1).add(gi.mul(keep1));
            FloatVector vi = load(v, vOffset + i).mul(b2).add(gi.mul(gi).mul(keep2));
            store(mi, m, mOffset + i);
            store(vi, v, vOffset + i);
            store(mi.mul(step).div(vi.sqrt().add(eps)), g, gOffset + i);
        }
        ScalarPointwise.adamRange(vectorEnd, n, g, gOffset, m, mOffset, v, vOffset, beta1, beta2, stepSize, epsilon);
    }

    @Override
    public double softmaxCrossEntropy(int from, int to, int n, Mem z, int[] label, double clip, Mem mask, long maskStride,
                                      Mem d) {
        int vectorEnd = SPECIES.loopBound(n);
        double sum = 0;
        for (int r = from; r < to; r++) {
            long at = (long) r * n;
            float max = rowMax(z, at, n, vectorEnd);
            // the exponentials are kept in d when it is given; the score alone needs only their sum
            float total = exponentials(z, at, n, vectorEnd, max, d);
            float m = mask == null ? 1f : (float) mask.get(r * maskStride);
            int y = label[r];
            float labelled = 0;
            if (y >= 0) {
                labelled = d != null ? d.floats.get((int) (at + y)) : exp(y, z.floats.get((int) (at + y)) - max, vectorEnd);
                sum -= m * Math.log(ScalarPointwise.clipped(labelled / total, clip));
            }
            if (d != null) {
                scaleRow(d, at, n, vectorEnd, m / total);
                if (y >= 0) {
                    d.floats.put((int) (at + y), m * (labelled / total - 1f));
                }
            }
        }
        return sum;
    }

    @Override
    public void softmax(int from, int to, int n, Mem z) {
        int vectorEnd = SPECIES.loopBound(n);
        for (int r = from; r < to; r++) {
            long at = (long) r * n;
            float total = exponentials(z, at, n, vectorEnd, rowMax(z, at, n, vectorEnd), z);
            scaleRow(z, at, n, vectorEnd, 1f / total);
        }
    }

    /** The largest of the {@code n} values of {@code z} from {@code at}. */
    private static float rowMax(Mem z, long at, int n, int vectorEnd) {
        FloatVector maxes = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        for (int j = 0; j < vectorEnd; j += SPECIES.length()) {
            maxes = maxes.max(load(z, at + j));
        }
        float max = maxes.reduceLanes(VectorOperators.MAX);
        for (int j = vectorEnd; j < n; j++) {
            max = Math.max(max, z.floats.get((int) (at + j)));
        }
        return max;
    }

    /**
     * A softmax's numerators {@code exp(z[j] - max)} for the {@code n} values of {@code z} from
     * {@code at}, written into {@code into} at the same place unless it is null; returns their sum.
     */
    private static float exponentials(Mem z, long at, int n, int vectorEnd, float max, Mem into) {
        FloatVector totals = FloatVector.zero(SPECIES);
        for (int j = 0; j < vectorEnd; j += SPECIES.length()) {
            FloatVector e = exp(load(z, at + j).sub(max));
            totals = totals.add(e);
            if (into != null) {
                store(e, into, at + j);
            }
        }
        float total = totals.reduceLanes(VectorOperators.ADD);
        for (int j = vectorEnd; j < n; j++) {
            float e = tailExp(z.floats.get((int) (at + j)) - max);
            total += e;
            if (into != null) {
                into.floats.put((int) (at + j), e);
            }
        }
        return total;
    }

    /** The {@code n} values of {@code x} from {@code at} multiplied by {@code scale}, in place. */
    private static void scaleRow(Mem x, long at, int n, int vectorEnd, float scale) {
        for (int j = 0; j < vectorEnd; j += SPECIES.length()) {
            store(load(x, at + j).mul(scale), x, at + j);
        }
        for (int j = vectorEnd; j < n; j++) {
            x.floats.put((int) (at + j), x.floats.get((int) (at + j)) * scale);
        }
    }

    /** exp of the columns after the last full vector of a row: Math.exp, rounded to float. */
    private static float tailExp(float x) {
        return (float) Math.exp(x);
    }

    /** exp(x) for column {@code j} as the row loop computes it: its vector lane, or {@link #tailExp}. */
    private static float exp(int j, float x, int vectorEnd) {
        return j < vectorEnd ? exp(FloatVector.broadcast(SPECIES, x)).lane(0) : tailExp(x);
    }

    @Override
    public double sumOfSquares(int n, Mem x, long offset) {
        // lanes summed in float over at most BLOCK elements each, blocks added in double
        final int block = 1 << 14;
        int vectorEnd = SPECIES.loopBound(n);
        double sum = 0;
        for (int start = 0; start < vectorEnd; start += block) {
            int end = Math.min(vectorEnd, start + block);
            FloatVector acc = FloatVector.zero(SPECIES);
            for (int i = start; i < end; i += SPECIES.length()) {
                FloatVector v = load(x, offset + i);
                acc = acc.add(v.mul(v));
            }
            sum += acc.reduceLanes(VectorOperators.ADD);
        }
        return sum + ScalarPointwise.sumOfSquaresRange(vectorEnd, n, x, offset);
    }
}
