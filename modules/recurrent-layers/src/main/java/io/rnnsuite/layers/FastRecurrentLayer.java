package io.rnnsuite.layers;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.recurrent.BaseRecurrentLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.TimeSeriesUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.deeplearning4j.nn.api.MaskState;

/**
 * What every fast recurrent layer shares, whatever its cell: the DL4J side (NCW / NWC layouts,
 * masks, dropout, weight noise, {@code rnnTimeStep} and truncated-BPTT state, gradients written
 * into DL4J's gradient views) around a cell that works on time-major buffers.
 *
 * <p>The forward pass of a training step is kept for backpropagation instead of being computed a
 * second time as DL4J's stock layers do; it is used only when backpropagation sees the very input
 * array that pass was run on.
 */
abstract class FastRecurrentLayer<C extends org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer>
        extends BaseRecurrentLayer<C> {

    protected final transient Scratch scratch = new Scratch();
    private transient RecurrentPass keptPass;
    /** Set by {@link FastBidirectionalLayer} on its backward layer: read (and write) the sequence last step first. */
    private transient boolean backwards;
    /**
     * For a backward layer: the network's feature mask, which says where each sequence's real steps
     * end, so that the layer reads each one from its own last real step ({@link StepOrder#backwardsWithin}).
     * Kept apart from {@code maskArray} (which DL4J's LSTM does not keep, and which masks the cell's
     * own maths); null reads the whole time axis backwards.
     */
    private transient INDArray sequenceMask;
    private transient INDArray keptInput;
    /**
     * The {@code rnnTimeStep} state's own buffers by key, {@code [batch, hidden]}: each step copies
     * its final state into them (the stored state points at them), so stepping allocates nothing.
     */
    private final transient Map<String, INDArray> stepState = new HashMap<>();

    protected FastRecurrentLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** The names of the cell's state arrays ({@code rnnTimeStep} and truncated BPTT), each {@code [batch, hidden]}. */
    protected abstract String[] stateKeys();

    /** Blocks of H columns the recurrent weights have: 4 for an LSTM, 3 for a GRU, 1 for a SimpleRnn. */
    protected abstract int gateBlocks();

    /** Bytes of the recurrent weights, which each step reads whole: what decides whether a pass splits ({@link RowSplit}). */
    private long recurrentWeightBytes() {
        long hidden = layerConf().getNOut();
        return gateBlocks() * hidden * hidden * (dataType == DataType.DOUBLE ? 8 : 4);
    }

    /** Makes this layer run over time in reverse, as a bidirectional layer's backward half. */
    void readBackwards() {
        this.backwards = true;
    }

    /** For a backward layer: where each sequence's real steps are (see {@link #sequenceMask}); null for none. */
    void setSequenceMask(INDArray mask) {
        this.sequenceMask = mask;
    }

    @Override
    public void clear() {
        super.clear();
        sequenceMask = null;
    }

    /** Runs the cell over {@code pass.x}; fills {@code pass.output}. Returns the pass (possibly a subclass). */
    protected abstract RecurrentPass forward(RecurrentPass pass, boolean training);

    /**
     * Backpropagates {@code dOutput} (time-major dL/d output; the cell may overwrite it) through
     * steps {@code firstStep .. steps-1} of a kept pass: writes the parameter gradients into
     * {@link #gradientViews} and returns dL/d input, time-major {@code [steps, batch, inputs]}.
     */
    protected abstract INDArray backward(RecurrentPass pass, INDArray dOutput, int firstStep);

    /**
     * The time-major {@code [steps, batch, hidden]} buffer of a pass whose last step is the cell's
     * state under {@code key} (one of {@link #stateKeys()}).
     */
    protected abstract INDArray stateSource(RecurrentPass pass, String key);

    @Override
    public Type type() {
        return Type.RECURRENT;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public Gradient gradient() {
        throw new UnsupportedOperationException("layer-wise pretraining is not possible for recurrent layers " + layerId());
    }

    /**
     * Whether the layer takes the network's feature mask from {@link #feedForwardMaskArray} (DL4J's
     * {@code SimpleRnn} does; its {@code LSTM} lets the mask pass without keeping it, so there masks
     * act only where a wrapper such as {@code LastTimeStep} sets them on the layer).
     */
    protected boolean keepsFeatureMask() {
        return false;
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState, int minibatchSize) {
        if (keepsFeatureMask()) {
            this.maskArray = maskArray;
            this.maskState = currentMaskState;
            return new Pair<>(maskArray, currentMaskState);
        }
        return new Pair<>(maskArray, MaskState.Passthrough);
    }

    /** A parameter, with weight noise applied when training (DL4J's {@code getParamWithNoise}). */
    protected INDArray param(String key, boolean training) {
        return getParamWithNoise(key, training, LayerWorkspaceMgr.noWorkspaces());
    }

    @Override
    public INDArray activate(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        setInput(input, workspaceMgr);
        return activate(training, workspaceMgr);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        RecurrentPass pass = run(training, Map.of(), workspaceMgr);
        return toLayerOutput(pass, workspaceMgr);
    }

    /**
     * As {@link #activate(boolean, LayerWorkspaceMgr)}, with the output written into columns
     * {@code column ..} of {@code target}, a time-major {@code [steps, batch, width]} buffer in
     * each sequence's own step order (a bidirectional layer's two halves side by side).
     */
    void activateInto(boolean training, LayerWorkspaceMgr workspaceMgr, INDArray target, int column) {
        RecurrentPass pass = run(training, Map.of(), workspaceMgr);
        Layouts.intoColumns(pass.output, pass.order, target, column);
    }

    /** Units per step of the layer's output. */
    int hiddenSize() {
        return (int) layerConf().getNOut();
    }

    /** The type the layer computes in. */
    DataType computeType() {
        return dataType;
    }

    @Override
    public INDArray rnnTimeStep(INDArray input, LayerWorkspaceMgr workspaceMgr) {
        requireForwards("rnnTimeStep");
        setInput(input, workspaceMgr);
        RecurrentPass pass = run(false, stateMap, workspaceMgr);
        keepStepState(pass);
        return toLayerOutput(pass, workspaceMgr);
    }

    /**
     * Copies of the stored {@code rnnTimeStep} state: the arrays the layer steps with are
     * overwritten by the next step, and a caller that keeps a state (to restore it later, as beam
     * search does) must not see that.
     */
    @Override
    public Map<String, INDArray> rnnGetPreviousState() {
        Map<String, INDArray> copies = new HashMap<>();
        for (Map.Entry<String, INDArray> entry : stateMap.entrySet()) {
            INDArray value = entry.getValue();
            INDArray copy = Nd4j.createUninitializedDetached(value.dataType(), value.shape());
            copy.assign(value);
            copies.put(entry.getKey(), copy);
        }
        return copies;
    }

    /** The final state of a step into {@link #stepState}, which becomes the stored state. */
    private void keepStepState(RecurrentPass pass) {
        stateMap.clear();
        for (String key : stateKeys()) {
            INDArray target = stepState.get(key);
            if (target == null || target.dataType() != dataType || target.size(0) != pass.batch
                    || target.size(1) != pass.hidden) {
                target = Nd4j.createUninitializedDetached(dataType, pass.batch, pass.hidden);
                stepState.put(key, target);
            }
            copyLastStep(stateSource(pass, key), target);
            stateMap.put(key, target);
        }
    }

    /** The cell's final state of a pass, as new detached {@code [batch, hidden]} arrays by key. */
    private Map<String, INDArray> finalState(RecurrentPass pass) {
        Map<String, INDArray> state = new LinkedHashMap<>();
        for (String key : stateKeys()) {
            state.put(key, lastStep(stateSource(pass, key)));
        }
        return state;
    }

    @Override
    public INDArray rnnActivateUsingStoredState(INDArray input, boolean training, boolean storeLastForTBPTT,
                                                LayerWorkspaceMgr workspaceMgr) {
        requireForwards("truncated BPTT");
        setInput(input, workspaceMgr);
        RecurrentPass pass = run(training, tBpttStateMap, workspaceMgr);
        if (storeLastForTBPTT) {
            tBpttStateMap.clear();
            tBpttStateMap.putAll(finalState(pass));
        }
        return toLayerOutput(pass, workspaceMgr);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        return backpropGradient(epsilon, 0, null, workspaceMgr);
    }

    @Override
    public Pair<Gradient, INDArray> tbpttBackpropGradient(INDArray epsilon, int tbpttBackLength, LayerWorkspaceMgr workspaceMgr) {
        return backpropGradient(epsilon, tbpttBackLength, stateMap, workspaceMgr);
    }

    private Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, int backLength, Map<String, INDArray> recomputeState,
                                                      LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        RecurrentPass pass = keptPass;
        if (pass == null || keptInput != input) {
            pass = run(true, recomputeState == null ? Map.of() : recomputeState, workspaceMgr);
        }
        if (recomputeState != null) {
            // truncated BPTT: the next segment starts where this one ended (as DL4J's own layers do)
            tBpttStateMap.clear();
            tBpttStateMap.putAll(finalState(pass));
        }
        keptPass = null;
        keptInput = null;
        int firstStep = backLength > 0 ? Math.max(0, pass.steps - backLength) : 0;

        INDArray dOutput = scratch.array("dOutput", dataType, pass.steps, pass.batch, pass.hidden);
        Layouts.copy(epsilon.castTo(dataType), isNwc(), Mem.of(dOutput), true, pass.order);
        INDArray dInput;
        int split = RowSplit.beginPass(recurrentWeightBytes());
        try {
            BlasThreads.useBlasThreads();
            dInput = backward(pass, dOutput, firstStep);
        } finally {
            RowSplit.endPass(split);
        }

        Gradient gradient = new DefaultGradient(gradientsFlattened);
        for (Map.Entry<String, INDArray> view : gradientViews.entrySet()) {
            gradient.gradientForVariable().put(view.getKey(), view.getValue());
        }
        weightNoiseParams.clear();

        if (dInput == null) {
            // switched off for a network's first layer (InputGradients): nobody reads it
            return new Pair<>(gradient, null);
        }
        if (pass.order.isForwards() && layerConf().getIDropout() == null) {
            // time-major rows seen in the layer's layout, as the forward pass hands on its output:
            // a fast layer below takes them with one contiguous copy per step, not a transpose
            return new Pair<>(gradient, Layouts.timeMajorView(dInput, isNwc(), workspaceMgr, ArrayType.ACTIVATION_GRAD));
        }
        INDArray epsilonOut = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType,
                layerShape(pass.batch, pass.inputs, pass.steps), 'c');
        Layouts.copy(epsilonOut, isNwc(), Mem.of(dInput), false, pass.order);
        epsilonOut = backpropDropOutIfPresent(epsilonOut);
        return new Pair<>(gradient, epsilonOut);
    }

    /** Prepares the pass (layout, mask, dropout, state), runs the cell, keeps it when training. */
    private RecurrentPass run(boolean training, Map<String, INDArray> initialState, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        if (input.rank() != 3) {
            throw new IllegalStateException("a recurrent layer needs 3-d input [batch, features, time] "
                    + "(or [batch, time, features] for NWC), got shape " + java.util.Arrays.toString(input.shape())
                    + " " + layerId());
        }
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray in = input.castTo(dataType);
        boolean nwc = isNwc();
        int batch = (int) in.size(0);
        int inputs = (int) in.size(nwc ? 2 : 1);
        int steps = (int) in.size(nwc ? 1 : 2);
        int hidden = (int) layerConf().getNOut();

        StepOrder order = backwards ? StepOrder.backwardsWithin(sequenceMask, batch, steps) : StepOrder.forwards(steps);
        // one-hot input read where it lies needs no time-major copy (the input products become gathers)
        boolean scanned = OneHotRows.scansInLayout(in, nwc);
        int[] symbols = scanned ? OneHotRows.symbolsInLayout(in, order) : null;
        INDArray x = null;
        if (symbols == null) {
            x = scratch.array("x", dataType, steps, batch, inputs);
            Layouts.copy(in, nwc, Mem.of(x), true, order);
            if (!scanned) {
                symbols = OneHotRows.symbols(Mem.of(x), batch * steps, inputs);
            }
        }
        Map<String, INDArray> state = new LinkedHashMap<>();
        for (String key : stateKeys()) {
            INDArray s = initialState.get(key);
            if (s != null) {
                if (s.size(0) != batch) {
                    throw new IllegalStateException("stored recurrent state has minibatch " + s.size(0) + ", input has "
                            + batch + ": call rnnClearPreviousState() between batches of different sizes " + layerId());
                }
                state.put(key, s.dataType() == dataType && s.ordering() == 'c' && !s.isView() ? s : s.castTo(dataType).dup('c'));
            }
        }
        RecurrentPass pass;
        int split = RowSplit.beginPass(recurrentWeightBytes());
        try {
            BlasThreads.useBlasThreads();
            pass = forward(new RecurrentPass(batch, steps, inputs, hidden, x, symbols, order,
                    maskRows(batch, steps, order), state), training);
        } finally {
            RowSplit.endPass(split);
        }
        keptPass = training ? pass : null;
        keptInput = training ? input : null;
        return pass;
    }

    private void requireForwards(String what) {
        if (backwards) {
            throw new UnsupportedOperationException(what + " is not defined for the backward half of a bidirectional layer "
                    + layerId());
        }
    }

    private boolean isNwc() {
        return TimeSeriesUtils.getFormatFromRnnLayer(layerConf()) == RNNFormat.NWC;
    }

    private long[] layerShape(int batch, int features, int steps) {
        return isNwc() ? new long[] {batch, steps, features} : new long[] {batch, features, steps};
    }

    /**
     * The pass's output in the layer's layout: read forwards, a view of a time-major copy
     * ({@link Layouts#timeMajorView}, which {@link FastRnnOutputLayer} and the next fast layer read
     * without reordering); a backward half's, reordered into each sequence's own step order.
     */
    private INDArray toLayerOutput(RecurrentPass pass, LayerWorkspaceMgr workspaceMgr) {
        if (pass.order.isForwards()) {
            return Layouts.timeMajorView(pass.output, isNwc(), workspaceMgr, ArrayType.ACTIVATIONS);
        }
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                layerShape(pass.batch, pass.hidden, pass.steps), 'c');
        Layouts.copy(out, isNwc(), Mem.of(pass.output), false, pass.order);
        return out;
    }

    /** The mask as one value per time-major row (steps in {@code order}), or null without a mask. */
    private double[] maskRows(int batch, int steps, StepOrder order) {
        if (maskArray == null) {
            return null;
        }
        double[][] byBatch;
        try {
            byBatch = StepOrder.maskMatrix(maskArray, batch, steps);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + " " + layerId(), e);
        }
        double[] rows = new double[batch * steps];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                rows[t * batch + b] = byBatch[b][order.step(b, t)];
            }
        }
        return rows;
    }

    /**
     * {@code Z = X W^T} for every row of the pass into {@code z} ({@code width} wide, overwritten),
     * {@code w} being DL4J's 'f'-order {@code [inputs, width]} input weights (row-major
     * {@code [width, inputs]}): one product, or for one-hot rows a gather ({@link OneHotRows}).
     */
    protected void inputProjection(RecurrentPass pass, Mem w, int width, Mem z) {
        if (pass.symbols != null) {
            OneHotRows.project(pass.symbols, w, width, pass.inputs, z);
        } else {
            Blas.gemmSplit(false, true, pass.rows(), width, pass.inputs, 1, Mem.of(pass.x), 0, pass.inputs, w, 0, pass.inputs,
                    0, z, 0, width);
        }
    }

    /*
     * The parameter-gradient products every cell ends its backward pass with. dZ is a time-major
     * buffer of pre-activation gradients (row stride ld); only rows of steps firstStep.. count.
     */

    /**
     * {@code dW^T = dZ^T X} into {@code gw} ({@code width} columns of dZ, DL4J's 'f'-order
     * {@code [inputs, width]} view; for one-hot rows sums per symbol, {@link OneHotRows}) and the input gradient {@code dX = dZ W^T}, returned
     * time-major (rows before {@code firstStep} zero).
     */
    protected INDArray inputGradients(RecurrentPass pass, int firstStep, Mem dz, int width, Mem w, Mem gw) {
        int inputs = pass.inputs;
        int firstRow = firstStep * pass.batch;
        int rows = pass.rows() - firstRow;
        if (pass.symbols != null) {
            OneHotRows.weightGradient(pass.symbols, firstRow, dz, width, inputs, gw);
        } else {
            Blas.gemmSplit(true, false, width, inputs, rows, 1, dz, (long) firstRow * width, width,
                    Mem.of(pass.x), (long) firstRow * inputs, inputs, 0, gw, 0, inputs);
        }
        if (!InputGradients.wanted(layerConf())) {
            return null;
        }
        INDArray dInput = scratch.array("dInput", dataType, pass.steps, pass.batch, inputs);
        if (firstStep > 0) {
            dInput.assign(0);
        }
        Blas.gemmSplit(false, false, rows, inputs, width, 1, dz, (long) firstRow * width, width, w, 0, inputs,
                0, Mem.of(dInput), (long) firstRow * inputs, inputs);
        return dInput;
    }

    /** {@code db = 1^T dZ}: sums of {@code columns} columns of dZ from {@code column}, into {@code gb} at {@code gbOffset}. */
    protected void biasGradient(RecurrentPass pass, int firstStep, Mem dz, long column, int ld, int columns,
                                Mem gb, long gbOffset) {
        int firstRow = firstStep * pass.batch;
        int rows = pass.rows() - firstRow;
        Mem ones = Mem.of(scratch.filled("ones", dataType, 1, rows));
        // a matrix-vector product: as a 1-row matrix product OpenBLAS took ~3 ms per call at 6400 x 384;
        // memory-bound, so its size threshold counts an element as a copied one
        long first = (long) firstRow * ld + column;
        RowSplit.run(columns, (long) rows * Layouts.COPY_COST,
                (from, to) -> Blas.gemvTransposed(rows, to - from, dz, first + from, ld, ones, gb, gbOffset + from));
    }

    /**
     * {@code dRW^T = sum_t dZ_t^T h_{t-1}} for {@code columns} columns of dZ from {@code column},
     * into the row block of {@code grw} (row-major {@code [.., hidden]}) at {@code grwOffset};
     * {@code h} is the time-major output, {@code h0} the initial state (null = zero).
     */
    protected void recurrentWeightGradient(RecurrentPass pass, int firstStep, Mem dz, long column, int ld, int columns,
                                           Mem h, Mem h0, Mem grw, long grwOffset) {
        int batch = pass.batch;
        int hidden = pass.hidden;
        int recurrentFirst = Math.max(firstStep, 1);
        Blas.gemmSplit(true, false, columns, hidden, (pass.steps - recurrentFirst) * batch, 1,
                dz, (long) recurrentFirst * batch * ld + column, ld,
                h, (long) (recurrentFirst - 1) * batch * hidden, hidden, 0, grw, grwOffset, hidden);
        if (firstStep == 0 && h0 != null) {
            Blas.gemmSplit(true, false, columns, hidden, batch, 1, dz, column, ld, h0, 0, hidden, 1, grw, grwOffset, hidden);
        }
    }

    /** The last step's rows of a time-major {@code [steps, batch, hidden]} buffer into {@code target} ({@code [batch, hidden]}, c order). */
    private static void copyLastStep(INDArray timeMajor, INDArray target) {
        int rows = (int) (timeMajor.size(1) * timeMajor.size(2));
        int from = (int) ((timeMajor.size(0) - 1) * rows);
        Mem source = Mem.of(timeMajor);
        Mem into = Mem.of(target);
        if (source.floats != null && into.floats != null) {
            into.floats.put(0, source.floats, from, rows);
        } else if (source.doubles != null && into.doubles != null) {
            into.doubles.put(0, source.doubles, from, rows);
        } else {
            for (int i = 0; i < rows; i++) {
                into.set(i, source.get(from + i));
            }
        }
    }

    /** A detached copy of the last step's rows of a time-major {@code [steps, batch, hidden]} buffer. */
    private static INDArray lastStep(INDArray timeMajor) {
        INDArray last = timeMajor.get(NDArrayIndex.point(timeMajor.size(0) - 1), NDArrayIndex.all(), NDArrayIndex.all());
        INDArray copy = Nd4j.createUninitializedDetached(timeMajor.dataType(), timeMajor.size(1), timeMajor.size(2));
        copy.assign(last);
        return copy;
    }
}
