package io.rnnsuite.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The GRU of {@link Gru} (gate blocks {@code [r | z | n]}, "reset after"), computed as
 * <ol>
 *   <li>one matrix product for the input projections of all time steps, {@code G = X W};</li>
 *   <li>per step, one product {@code R = h_{t-1} RW} into a one-step buffer (it cannot be added
 *       into {@code G}: the reset gate multiplies only its candidate block) and one fused
 *       element-wise pass;</li>
 *   <li>backward, per step one fused pass and the products {@code dh_{t-1} += dR_t RW^T}, then
 *       one product each for {@code dW}, {@code dRW} (in two row blocks), {@code db}, {@code drb}
 *       and the input gradient.</li>
 * </ol>
 * The input-side and recurrent-side gradients share their r and z blocks, so the backward pass
 * keeps only the candidate block of the recurrent side apart (in the buffer that held
 * {@code h W_hn + b_hn}).
 */
final class GruLayer extends FastRecurrentLayer<Gru> {

    /** The same state key as DL4J's {@code SimpleRnn}: the last output is the whole state. */
    static final String STATE_OUTPUT = "prevAct";
    private static final String[] STATE_KEYS = {STATE_OUTPUT};

    GruLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** What the backward pass needs beyond the common pass. */
    private static final class GruPass extends RecurrentPass {
        /** {@code [steps, batch, 3H]}: the gate activations {@code r, z, n}. */
        INDArray gates;
        /** {@code [steps, batch, H]}: {@code h_{t-1} W_hn + b_hn}, the reset gate's operand. */
        INDArray recurrentCandidate;

        GruPass(RecurrentPass p) {
            super(p);
        }
    }

    /**
     * Keeps the network's feature mask, as DL4J's own {@code SimpleRnn} does: padded steps output 0
     * and reset the state, in a plain {@code MultiLayerNetwork} and in a bidirectional layer's
     * backward half alike.
     */
    @Override
    protected boolean keepsFeatureMask() {
        return true;
    }

    @Override
    protected int gateBlocks() {
        return 3;
    }

    @Override
    protected String[] stateKeys() {
        return STATE_KEYS;
    }

    @Override
    protected RecurrentPass forward(RecurrentPass common, boolean training) {
        GruPass pass = new GruPass(common);
        int batch = pass.batch;
        int hidden = pass.hidden;
        int width = 3 * hidden;
        pass.gates = scratch.array("gates", dataType, pass.steps, batch, width);
        pass.recurrentCandidate = scratch.array("recurrentCandidate", dataType, pass.steps, batch, hidden);
        pass.output = scratch.array("output", dataType, pass.steps, batch, hidden);

        Mem g = Mem.of(pass.gates);
        Mem hn = Mem.of(pass.recurrentCandidate);
        Mem h = Mem.of(pass.output);
        Mem recurrent = Mem.of(scratch.array("recurrentStep", dataType, batch, width));
        Mem w = Mem.of(param(GruParamInitializer.WEIGHT_KEY, training));
        Mem rw = Mem.of(param(GruParamInitializer.RECURRENT_WEIGHT_KEY, training));
        Mem bias = Mem.of(param(GruParamInitializer.BIAS_KEY, training));
        Mem recurrentBias = Mem.of(param(GruParamInitializer.RECURRENT_BIAS_KEY, training));
        Mem h0 = pass.initial(STATE_OUTPUT);
        Pointwise pointwise = Pointwise.forType(g.isDouble);

        // W and RW are 'f'-order [in, 3H] and [H, 3H] views: row-major [3H, in] and [3H, H]
        inputProjection(pass, w, width, g);
        int steps = pass.steps;
        double[] mask = pass.mask;
        // rows from..to of every step: the sequences of a batch never meet in the recurrence
        RowSplit.run(batch, (long) steps * hidden * width, (from, to) -> {
            int rows = to - from;
            long recurrentRows = (long) from * width;
            try (RepeatedProduct product = RepeatedProduct.of(true, rows, width, hidden, rw, 0, hidden, steps)) {
                for (int t = 0; t < steps; t++) {
                    long st = pass.at(t, from, hidden);
                    Mem hPrev = t == 0 ? h0 : h;
                    long previous = pass.before(t, from, hidden);
                    if (hPrev != null) {
                        product.multiply(hPrev, previous, hidden, 0, recurrent, recurrentRows, width);
                    }
                    pointwise.gruForward(rows, hidden, g, pass.at(t, from, width), bias,
                            hPrev == null ? null : recurrent, recurrentRows, recurrentBias, hPrev, previous,
                            hn, st, h, st, mask, t * batch + from);
                }
            }
        });
        return pass;
    }

    @Override
    protected INDArray backward(RecurrentPass common, INDArray dOutput, int firstStep) {
        GruPass pass = (GruPass) common;
        int batch = pass.batch;
        int steps = pass.steps;
        int hidden = pass.hidden;
        int width = 3 * hidden;

        Mem g = Mem.of(pass.gates);
        Mem hn = Mem.of(pass.recurrentCandidate);
        Mem h = Mem.of(pass.output);
        Mem dh = Mem.of(dOutput);
        Mem w = Mem.of(param(GruParamInitializer.WEIGHT_KEY, true));
        Mem rw = Mem.of(param(GruParamInitializer.RECURRENT_WEIGHT_KEY, true));
        Mem h0 = pass.initial(STATE_OUTPUT);
        Pointwise pointwise = Pointwise.forType(g.isDouble);
        long candidateBlock = 2L * hidden * hidden; // rows 2H.. of RW's row-major [3H, H]

        double[] mask = pass.mask;
        RowSplit.run(batch, (long) (steps - firstStep) * hidden * width, (from, to) -> {
            int rows = to - from;
            for (int t = steps - 1; t >= firstStep; t--) {
                long gt = pass.at(t, from, width);
                long st = pass.at(t, from, hidden);
                Mem hPrev = t == 0 ? h0 : h;
                long previous = pass.before(t, from, hidden);
                boolean onward = t > firstStep;
                pointwise.gruBackward(rows, hidden, g, gt, hn, st, hPrev, previous,
                        dh, st, onward ? dh : null, previous, mask, t * batch + from);
                if (onward) {
                    // dh_{t-1} += [dr | dz] RW_{r,z}^T + (dn * r) RW_n^T
                    Blas.gemm(false, false, rows, hidden, 2 * hidden, 1, g, gt, width, rw, 0, hidden,
                            1, dh, previous, hidden);
                    Blas.gemm(false, false, rows, hidden, hidden, 1, hn, st, hidden, rw, candidateBlock, hidden,
                            1, dh, previous, hidden);
                }
            }
        });

        Mem gw = Mem.of(gradientViews.get(GruParamInitializer.WEIGHT_KEY));
        Mem grw = Mem.of(gradientViews.get(GruParamInitializer.RECURRENT_WEIGHT_KEY));
        Mem gb = Mem.of(gradientViews.get(GruParamInitializer.BIAS_KEY));
        Mem grb = Mem.of(gradientViews.get(GruParamInitializer.RECURRENT_BIAS_KEY));

        biasGradient(pass, firstStep, g, 0, width, width, gb, 0);
        // recurrent side dR = [dr | dz | dn * r]: drb = 1^T dR ; dRW^T = sum_t dR_t^T h_{t-1}, by row blocks
        biasGradient(pass, firstStep, g, 0, width, 2 * hidden, grb, 0);
        biasGradient(pass, firstStep, hn, 0, hidden, hidden, grb, 2 * hidden);
        recurrentWeightGradient(pass, firstStep, g, 0, width, 2 * hidden, h, h0, grw, 0);
        recurrentWeightGradient(pass, firstStep, hn, 0, hidden, hidden, h, h0, grw, candidateBlock);
        return inputGradients(pass, firstStep, g, width, w, gw);
    }

    @Override
    protected INDArray stateSource(RecurrentPass pass, String key) {
        return pass.output;
    }
}
