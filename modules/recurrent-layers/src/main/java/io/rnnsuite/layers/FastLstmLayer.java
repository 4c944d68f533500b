package io.rnnsuite.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.params.LSTMParamInitializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The LSTM of {@link FastLstm}: DL4J's {@code LSTM} maths and parameters (gate blocks
 * {@code [a | f | o | i]}, no peepholes), computed as
 * <ol>
 *   <li>one matrix product for the input projections of all time steps, {@code Z = X W} (for one-hot
 *       input, one column of W per row instead: {@link OneHotRows});</li>
 *   <li>per step, one product {@code Z_t += h_{t-1} RW} and one fused element-wise pass;</li>
 *   <li>backward, per step one fused pass and one product {@code dh_{t-1} = dZ_t RW^T}, then one
 *       product each for {@code dW}, {@code dRW}, {@code db} and the input gradient.</li>
 * </ol>
 */
final class FastLstmLayer extends FastRecurrentLayer<FastLstm> {

    static final String STATE_OUTPUT = "prevAct";
    static final String STATE_CELL = "prevMem";
    private static final String[] STATE_KEYS = {STATE_OUTPUT, STATE_CELL};

    FastLstmLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** What the backward pass needs beyond the common pass: gate activations, cells, tanh(cells). */
    private static final class LstmPass extends RecurrentPass {
        INDArray gates;
        INDArray cells;
        INDArray tanhCells;

        LstmPass(RecurrentPass p) {
            super(p);
        }
    }

    @Override
    protected int gateBlocks() {
        return 4;
    }

    @Override
    protected String[] stateKeys() {
        return STATE_KEYS;
    }

    @Override
    protected RecurrentPass forward(RecurrentPass common, boolean training) {
        LstmPass pass = new LstmPass(common);
        int batch = pass.batch;
        int steps = pass.steps;
        int hidden = pass.hidden;
        int width = 4 * hidden;
        pass.gates = scratch.array("gates", dataType, steps, batch, width);
        pass.cells = scratch.array("cells", dataType, steps, batch, hidden);
        pass.tanhCells = scratch.array("tanhCells", dataType, steps, batch, hidden);
        pass.output = scratch.array("output", dataType, steps, batch, hidden);

        Mem z = Mem.of(pass.gates);
        Mem c = Mem.of(pass.cells);
        Mem tc = Mem.of(pass.tanhCells);
        Mem h = Mem.of(pass.output);
        Mem w = Mem.of(param(LSTMParamInitializer.INPUT_WEIGHT_KEY, training));
        Mem rw = Mem.of(param(LSTMParamInitializer.RECURRENT_WEIGHT_KEY, training));
        Mem bias = Mem.of(param(LSTMParamInitializer.BIAS_KEY, training));
        Mem h0 = pass.initial(STATE_OUTPUT);
        Mem c0 = pass.initial(STATE_CELL);
        Pointwise pointwise = Pointwise.forType(z.isDouble);

        // W and RW are DL4J's 'f'-order [in, 4H] views: row-major [4H, in], hence the transposes
        inputProjection(pass, w, width, z);
        double[] mask = pass.mask;
        // rows from..to of every step: the sequences of a batch never meet in the recurrence
        RowSplit.run(batch, (long) steps * hidden * width, (from, to) -> {
            int rows = to - from;
            try (RepeatedProduct recurrent = RepeatedProduct.of(true, rows, width, hidden, rw, 0, hidden, steps)) {
                for (int t = 0; t < steps; t++) {
                    long zt = pass.at(t, from, width);
                    long st = pass.at(t, from, hidden);
                    Mem hPrev = t == 0 ? h0 : h;
                    long previous = pass.before(t, from, hidden);
                    if (hPrev != null) {
                        recurrent.multiply(hPrev, previous, hidden, 1, z, zt, width);
                    }
                    pointwise.lstmForward(rows, hidden, z, zt, bias, t == 0 ? c0 : c, previous,
                            c, st, tc, st, h, st, mask, t * batch + from);
                }
            }
        });
        return pass;
    }

    @Override
    protected INDArray backward(RecurrentPass common, INDArray dOutput, int firstStep) {
        LstmPass pass = (LstmPass) common;
        int batch = pass.batch;
        int steps = pass.steps;
        int hidden = pass.hidden;
        int width = 4 * hidden;

        Mem z = Mem.of(pass.gates);
        Mem c = Mem.of(pass.cells);
        Mem tc = Mem.of(pass.tanhCells);
        Mem h = Mem.of(pass.output);
        Mem dy = Mem.of(dOutput);
        Mem dc = Mem.of(scratch.filled("dCell", dataType, 0, batch, hidden));
        Mem w = Mem.of(param(LSTMParamInitializer.INPUT_WEIGHT_KEY, true));
        Mem rw = Mem.of(param(LSTMParamInitializer.RECURRENT_WEIGHT_KEY, true));
        Mem h0 = pass.initial(STATE_OUTPUT);
        Mem c0 = pass.initial(STATE_CELL);
        Pointwise pointwise = Pointwise.forType(z.isDouble);

        double[] mask = pass.mask;
        RowSplit.run(batch, (long) (steps - firstStep) * hidden * width, (from, to) -> {
            int rows = to - from;
            for (int t = steps - 1; t >= firstStep; t--) {
                long zt = pass.at(t, from, width);
                long st = pass.at(t, from, hidden);
                long previous = pass.before(t, from, hidden);
                pointwise.lstmBackward(rows, hidden, z, zt, t == 0 ? c0 : c, previous, tc, st,
                        dy, st, dc, (long) from * hidden, mask, t * batch + from);
                if (t > firstStep) {
                    // dL/dh_{t-1} += dZ_t RW^T, straight into the previous step's output gradient
                    Blas.gemm(false, false, rows, hidden, width, 1, z, zt, width, rw, 0, hidden, 1, dy, previous, hidden);
                }
            }
        });

        Mem gw = Mem.of(gradientViews.get(LSTMParamInitializer.INPUT_WEIGHT_KEY));
        Mem grw = Mem.of(gradientViews.get(LSTMParamInitializer.RECURRENT_WEIGHT_KEY));
        Mem gb = Mem.of(gradientViews.get(LSTMParamInitializer.BIAS_KEY));
        recurrentWeightGradient(pass, firstStep, z, 0, width, width, h, h0, grw, 0);
        biasGradient(pass, firstStep, z, 0, width, width, gb, 0);
        return inputGradients(pass, firstStep, z, width, w, gw);
    }

    @Override
    protected INDArray stateSource(RecurrentPass pass, String key) {
        return STATE_CELL.equals(key) ? ((LstmPass) pass).cells : pass.output;
    }
}
