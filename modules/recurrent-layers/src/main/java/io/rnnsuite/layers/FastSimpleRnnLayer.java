package io.rnnsuite.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.params.SimpleRnnParamInitializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The Elman RNN of {@link FastSimpleRnn}: DL4J's {@code SimpleRnn} maths and parameters,
 * computed as
 * <ol>
 *   <li>one matrix product for the input projections of all time steps, {@code Z = X W}, written
 *       straight into the output buffer;</li>
 *   <li>per step, one product {@code Z_t += h_{t-1} RW} and one fused pass
 *       {@code h_t = mask * tanh(Z_t + b)} in place, so the forward pass keeps only its output;</li>
 *   <li>backward, per step one fused pass {@code dZ_t = mask * (1 - h_t^2) * dh_t} in place in the
 *       output gradient and one product {@code dh_{t-1} += dZ_t RW^T}, then one product each for
 *       {@code dW}, {@code dRW}, {@code db} and the input gradient.</li>
 * </ol>
 */
final class FastSimpleRnnLayer extends FastRecurrentLayer<FastSimpleRnn> {

    /** The state key of DL4J's own {@code SimpleRnn}, so stored states mean the same thing. */
    static final String STATE_OUTPUT = "prevAct";
    private static final String[] STATE_KEYS = {STATE_OUTPUT};

    FastSimpleRnnLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
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
        return 1;
    }

    @Override
    protected String[] stateKeys() {
        return STATE_KEYS;
    }

    @Override
    protected RecurrentPass forward(RecurrentPass pass, boolean training) {
        int batch = pass.batch;
        int hidden = pass.hidden;
        pass.output = scratch.array("output", dataType, pass.steps, batch, hidden);

        Mem h = Mem.of(pass.output);
        Mem w = Mem.of(param(SimpleRnnParamInitializer.WEIGHT_KEY, training));
        Mem rw = Mem.of(param(SimpleRnnParamInitializer.RECURRENT_WEIGHT_KEY, training));
        Mem bias = Mem.of(param(SimpleRnnParamInitializer.BIAS_KEY, training));
        Mem h0 = pass.initial(STATE_OUTPUT);
        Pointwise pointwise = Pointwise.forType(h.isDouble);

        // W and RW are DL4J's 'f'-order [in, H] and [H, H] views: row-major transposes
        inputProjection(pass, w, hidden, h);
        int steps = pass.steps;
        double[] mask = pass.mask;
        // rows from..to of every step: the sequences of a batch never meet in the recurrence
        RowSplit.run(batch, (long) steps * hidden * hidden, (from, to) -> {
            int rows = to - from;
            try (RepeatedProduct recurrent = RepeatedProduct.of(true, rows, hidden, hidden, rw, 0, hidden, steps)) {
                for (int t = 0; t < steps; t++) {
                    long st = pass.at(t, from, hidden);
                    Mem hPrev = t == 0 ? h0 : h;
                    if (hPrev != null) {
                        recurrent.multiply(hPrev, pass.before(t, from, hidden), hidden, 1, h, st, hidden);
                    }
                    pointwise.simpleRnnForward(rows, hidden, h, st, bias, mask, t * batch + from);
                }
            }
        });
        return pass;
    }

    @Override
    protected INDArray backward(RecurrentPass pass, INDArray dOutput, int firstStep) {
        int batch = pass.batch;
        int steps = pass.steps;
        int hidden = pass.hidden;

        Mem h = Mem.of(pass.output);
        Mem dz = Mem.of(dOutput);
        Mem w = Mem.of(param(SimpleRnnParamInitializer.WEIGHT_KEY, true));
        Mem rw = Mem.of(param(SimpleRnnParamInitializer.RECURRENT_WEIGHT_KEY, true));
        Mem h0 = pass.initial(STATE_OUTPUT);
        Pointwise pointwise = Pointwise.forType(h.isDouble);

        // dOutput becomes dL/dZ step by step, from the last step back
        double[] mask = pass.mask;
        RowSplit.run(batch, (long) (steps - firstStep) * hidden * hidden, (from, to) -> {
            int rows = to - from;
            for (int t = steps - 1; t >= firstStep; t--) {
                long st = pass.at(t, from, hidden);
                pointwise.simpleRnnBackward(rows, hidden, h, st, dz, st, mask, t * batch + from);
                if (t > firstStep) {
                    Blas.gemm(false, false, rows, hidden, hidden, 1, dz, st, hidden, rw, 0, hidden,
                            1, dz, pass.before(t, from, hidden), hidden);
                }
            }
        });

        Mem gw = Mem.of(gradientViews.get(SimpleRnnParamInitializer.WEIGHT_KEY));
        Mem grw = Mem.of(gradientViews.get(SimpleRnnParamInitializer.RECURRENT_WEIGHT_KEY));
        Mem gb = Mem.of(gradientViews.get(SimpleRnnParamInitializer.BIAS_KEY));
        recurrentWeightGradient(pass, firstStep, dz, 0, hidden, hidden, h, h0, grw, 0);
        biasGradient(pass, firstStep, dz, 0, hidden, hidden, gb, 0);
        return inputGradients(pass, firstStep, dz, hidden, w, gw);
    }

    @Override
    protected INDArray stateSource(RecurrentPass pass, String key) {
        return pass.output;
    }
}
