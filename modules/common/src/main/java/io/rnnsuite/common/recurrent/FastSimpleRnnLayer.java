package io.rnnsuite.common.recurrent;

import java.util.Map;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.params.SimpleRnnParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
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
     * As DL4J's own {@code SimpleRnn} (which keeps {@code AbstractLayer}'s behaviour): the layer
     * takes the network's feature mask, so padded steps output 0 and reset the state also in a
     * plain {@code MultiLayerNetwork} and in the backward half of {@code Bidirectional}. (DL4J's
     * {@code LSTM}, and so {@link FastLstmLayer}, lets the mask pass without keeping it.)
     */
    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray mask, MaskState currentMaskState, int minibatchSize) {
        this.maskArray = mask;
        this.maskState = currentMaskState;
        return new Pair<>(mask, currentMaskState);
    }

    @Override
    protected String[] stateKeys() {
        return STATE_KEYS;
    }

    private INDArray param(String key, boolean training) {
        return getParamWithNoise(key, training, LayerWorkspaceMgr.noWorkspaces());
    }

    @Override
    protected RecurrentPass forward(RecurrentPass pass, boolean training) {
        int batch = pass.batch;
        int hidden = pass.hidden;
        pass.output = scratch.array("output", dataType, pass.steps, batch, hidden);

        Mem x = Mem.of(pass.x);
        Mem h = Mem.of(pass.output);
        Mem w = Mem.of(param(SimpleRnnParamInitializer.WEIGHT_KEY, training));
        Mem rw = Mem.of(param(SimpleRnnParamInitializer.RECURRENT_WEIGHT_KEY, training));
        Mem bias = Mem.of(param(SimpleRnnParamInitializer.BIAS_KEY, training));
        Mem h0 = pass.initial(STATE_OUTPUT);
        Pointwise pointwise = Pointwise.forType(h.isDouble);

        // W and RW are DL4J's 'f'-order [in, H] and [H, H] views: row-major transposes
        Blas.gemm(false, true, pass.rows(), hidden, pass.inputs, 1, x, 0, pass.inputs, w, 0, pass.inputs, 0, h, 0, hidden);
        long stepRows = (long) batch * hidden;
        for (int t = 0; t < pass.steps; t++) {
            Mem hPrev = t == 0 ? h0 : h;
            if (hPrev != null) {
                long hPrevOffset = t == 0 ? 0 : (t - 1) * stepRows;
                Blas.gemm(false, true, batch, hidden, hidden, 1, hPrev, hPrevOffset, hidden, rw, 0, hidden,
                        1, h, t * stepRows, hidden);
            }
            pointwise.simpleRnnForward(batch, hidden, h, t * stepRows, bias, pass.mask, t * batch);
        }
        return pass;
    }

    @Override
    protected INDArray backward(RecurrentPass pass, INDArray dOutput, int firstStep) {
        int batch = pass.batch;
        int steps = pass.steps;
        int hidden = pass.hidden;
        int inputs = pass.inputs;
        long stepRows = (long) batch * hidden;

        Mem x = Mem.of(pass.x);
        Mem h = Mem.of(pass.output);
        Mem dz = Mem.of(dOutput);
        Mem w = Mem.of(param(SimpleRnnParamInitializer.WEIGHT_KEY, true));
        Mem rw = Mem.of(param(SimpleRnnParamInitializer.RECURRENT_WEIGHT_KEY, true));
        Mem h0 = pass.initial(STATE_OUTPUT);
        Pointwise pointwise = Pointwise.forType(h.isDouble);

        // dOutput becomes dL/dZ step by step, from the last step back
        for (int t = steps - 1; t >= firstStep; t--) {
            pointwise.simpleRnnBackward(batch, hidden, h, t * stepRows, dz, t * stepRows, pass.mask, t * batch);
            if (t > firstStep) {
                Blas.gemm(false, false, batch, hidden, hidden, 1, dz, t * stepRows, hidden, rw, 0, hidden,
                        1, dz, (t - 1) * stepRows, hidden);
            }
        }

        int firstRow = firstStep * batch;
        int rows = pass.rows() - firstRow;
        long dzFirst = (long) firstRow * hidden;
        Mem gw = Mem.of(gradientViews.get(SimpleRnnParamInitializer.WEIGHT_KEY));
        Mem grw = Mem.of(gradientViews.get(SimpleRnnParamInitializer.RECURRENT_WEIGHT_KEY));
        Mem gb = Mem.of(gradientViews.get(SimpleRnnParamInitializer.BIAS_KEY));
        // dW^T = dZ^T X ; dRW^T = sum_t dZ_t^T h_{t-1} ; db = 1^T dZ ; dX = dZ W^T
        Blas.gemm(true, false, hidden, inputs, rows, 1, dz, dzFirst, hidden, x, (long) firstRow * inputs, inputs,
                0, gw, 0, inputs);
        int recurrentFirst = Math.max(firstStep, 1);
        Blas.gemm(true, false, hidden, hidden, (steps - recurrentFirst) * batch, 1, dz, recurrentFirst * stepRows, hidden,
                h, (recurrentFirst - 1) * stepRows, hidden, 0, grw, 0, hidden);
        if (firstStep == 0 && h0 != null) {
            Blas.gemm(true, false, hidden, hidden, batch, 1, dz, 0, hidden, h0, 0, hidden, 1, grw, 0, hidden);
        }
        Mem ones = Mem.of(scratch.filled("ones", dataType, 1, rows));
        Blas.gemm(false, false, 1, hidden, rows, 1, ones, 0, rows, dz, dzFirst, hidden, 0, gb, 0, hidden);

        INDArray dInput = scratch.array("dInput", dataType, steps, batch, inputs);
        if (firstStep > 0) {
            dInput.assign(0);
        }
        Blas.gemm(false, false, rows, inputs, hidden, 1, dz, dzFirst, hidden, w, 0, inputs, 0, Mem.of(dInput),
                (long) firstRow * inputs, inputs);
        return dInput;
    }

    @Override
    protected Map<String, INDArray> finalState(RecurrentPass pass) {
        return Map.of(STATE_OUTPUT, lastStep(pass.output));
    }
}
