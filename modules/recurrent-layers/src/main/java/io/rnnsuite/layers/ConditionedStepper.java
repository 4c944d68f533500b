package io.rnnsuite.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.layers.recurrent.RnnOutputLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One recurrent layer and a softmax output layer stepped for several rows at once, each step's
 * input being a one-hot symbol followed by a context vector fixed per row: an encoder–decoder's
 * decoder (greedy decoding: one row per sentence; beam search: one row per live hypothesis). The
 * same maths as {@code rnnTimeStep} of such a layer on the one-hot ⊕ context input, without any
 * of DL4J's per-call work: the context's share of the input product is computed once per
 * {@link #start}, each step reads one column of the input weights per row instead of the one-hot
 * product, then one recurrent product for all rows, the fused element-wise pass, the output
 * product and a softmax, on buffers made at {@link #start}.
 *
 * <p>It takes a {@link FastLstm}, {@link FastSimpleRnn} or {@link Gru} layer (unidirectional)
 * reading {@code symbols + context} features and an {@code RnnOutputLayer} with softmax and bias;
 * {@link #unsupportedReason} says why not otherwise. Parameters are read where the layers keep
 * them, at {@link #start}. Not thread-safe.
 */
public final class ConditionedStepper {

    private final Layer output;
    private final FastStepper.Cell cell;
    private final int symbols;
    private final int context;
    private final int hidden;
    private final int width;
    private final int outputs;
    private final boolean isDouble;
    private final boolean lstm;
    private final boolean gru;
    /** The arrays behind the cell's own buffers: a {@link Mem} does not keep its memory alive. */
    private final List<INDArray> cellArrays = new ArrayList<>();
    /** The arrays behind the buffers sized by {@link #capacity} rows. */
    private List<INDArray> rowArrays = List.of();
    private int capacity;
    private int contextRows;
    private int rows;
    private Mem contextProjection;
    private Mem gates;
    private Mem recurrent;
    private Mem candidate;
    private Mem tanhCell;
    private final Mem[] h = new Mem[2];
    private final Mem[] c = new Mem[2];
    private Mem logits;
    private Mem outputWeights;
    private Mem outputBias;
    private boolean outputWeightsTransposed;
    private int current;
    private boolean started;

    private ConditionedStepper(Layer recurrentLayer, Layer output, int symbols) {
        this.output = output;
        this.isDouble = recurrentLayer.params().dataType() == DataType.DOUBLE;
        this.cell = FastStepper.Cell.of(recurrentLayer, isDouble, cellArrays);
        this.symbols = symbols;
        this.context = cell.inputs - symbols;
        this.hidden = cell.hidden;
        this.width = cell.width;
        this.outputs = (int) ((FeedForwardLayer) output.conf().getLayer()).getNOut();
        this.lstm = recurrentLayer instanceof FastLstmLayer;
        this.gru = recurrentLayer instanceof GruLayer;
    }

    /**
     * A stepper for {@code recurrent} (reading {@code symbols} one-hot features, then the context)
     * and {@code output}, or empty when they are not what it handles ({@link #unsupportedReason}).
     */
    public static Optional<ConditionedStepper> of(Layer recurrent, Layer output, int symbols) {
        return unsupportedReason(recurrent, output, symbols) == null
                ? Optional.of(new ConditionedStepper(recurrent, output, symbols)) : Optional.empty();
    }

    /** Why {@link #of} gives no stepper, or null when it gives one. */
    public static String unsupportedReason(Layer recurrent, Layer output, int symbols) {
        if (!(recurrent instanceof FastLstmLayer || recurrent instanceof FastSimpleRnnLayer || recurrent instanceof GruLayer)) {
            return "the recurrent layer is a " + recurrent.getClass().getSimpleName()
                    + ", not a unidirectional FastLstm, FastSimpleRnn or Gru";
        }
        DataType type = recurrent.params().dataType();
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            return "parameters are " + type + ", not FLOAT or DOUBLE";
        }
        long reads = ((FeedForwardLayer) recurrent.conf().getLayer()).getNIn();
        if (symbols < 1 || reads <= symbols) {
            return "the recurrent layer reads " + reads + " features, not " + symbols + " symbols and a context";
        }
        if (!(output instanceof RnnOutputLayer out)) {
            return "the output layer is a " + output.getClass().getSimpleName() + ", not an RnnOutputLayer";
        }
        if (!(out.layerConf().getActivationFn() instanceof ActivationSoftmax)) {
            return "the output activation is " + out.layerConf().getActivationFn() + ", not softmax";
        }
        if (!out.layerConf().hasBias()) {
            return "the output layer has no bias";
        }
        if (out.layerConf().getNIn() != ((FeedForwardLayer) recurrent.conf().getLayer()).getNOut()) {
            return "the output layer reads " + out.layerConf().getNIn() + " features, the recurrent layer emits "
                    + ((FeedForwardLayer) recurrent.conf().getLayer()).getNOut();
        }
        if (out.getParam(DefaultParamInitializer.WEIGHT_KEY).dataType() != type) {
            return "the output layer's parameters are " + out.getParam(DefaultParamInitializer.WEIGHT_KEY).dataType()
                    + ", the recurrent layer's " + type;
        }
        return null;
    }

    /** Symbols per step (the one-hot part of the input; also the output's size for a decoder). */
    public int symbols() {
        return symbols;
    }

    /** Values per step it emits. */
    public int outputSize() {
        return outputs;
    }

    /**
     * Starts decoding from the zero state with one context per row of {@code contexts}
     * ({@code [n, context]}, e.g. each sentence's encoding), room for up to {@code maxRows} rows per
     * step; reads the parameters where the layers keep them.
     */
    public void start(INDArray contexts, int maxRows) {
        if (contexts.rank() != 2 || contexts.size(1) != context) {
            throw new IllegalArgumentException("contexts must be [n, " + context + "], got "
                    + java.util.Arrays.toString(contexts.shape()));
        }
        cell.bind();
        INDArray w = output.getParam(DefaultParamInitializer.WEIGHT_KEY);
        outputWeights = Mem.of(w);
        outputWeightsTransposed = w.ordering() == 'f';
        outputBias = Mem.of(output.getParam(DefaultParamInitializer.BIAS_KEY));
        contextRows = (int) contexts.size(0);
        int needed = Math.max(maxRows, contextRows);
        if (needed > capacity) {
            capacity = Math.max(needed, 2 * capacity);
            List<INDArray> owner = new ArrayList<>();
            gates = FastStepper.buffer(owner, isDouble, (long) capacity * width);
            recurrent = gru ? FastStepper.buffer(owner, isDouble, (long) capacity * width) : null;
            candidate = gru ? FastStepper.buffer(owner, isDouble, (long) capacity * hidden) : null;
            tanhCell = lstm ? FastStepper.buffer(owner, isDouble, (long) capacity * hidden) : null;
            for (int i = 0; i < 2; i++) {
                h[i] = FastStepper.buffer(owner, isDouble, (long) capacity * hidden);
                c[i] = lstm ? FastStepper.buffer(owner, isDouble, (long) capacity * hidden) : null;
            }
            logits = FastStepper.buffer(owner, isDouble, (long) capacity * outputs);
            contextProjection = FastStepper.buffer(owner, isDouble, (long) capacity * width);
            rowArrays = owner;
        }
        DataType type = isDouble ? DataType.DOUBLE : DataType.FLOAT;
        INDArray ctx = contexts.dataType() == type && contexts.ordering() == 'c' && !contexts.isView()
                ? contexts : contexts.castTo(type).dup('c');
        // the context's share of the input product: ctx [n, context] x W[symbols.., :]
        Blas.product(false, true, contextRows, width, context, 1, Mem.of(ctx), 0, context, cell.w, symbols, cell.inputs,
                0, contextProjection, 0, width);
        java.lang.ref.Reference.reachabilityFence(ctx);
        rows = 0;
        started = false;
    }

    /**
     * One step for {@code rowCount} rows: row {@code r} reads the one-hot {@code tokens[r]} and the
     * context {@code contextOf[r]} (an index into {@link #start}'s contexts) and continues the state
     * it has after the last {@link #keepRows} (zero at the first step); the softmax outputs go into
     * {@code probabilities[r * outputSize() + k]}.
     */
    public void step(int[] tokens, int[] contextOf, int rowCount, float[] probabilities) {
        if (contextProjection == null) {
            throw new IllegalStateException("start() first");
        }
        if (rowCount < 1 || rowCount > capacity || tokens.length < rowCount || contextOf.length < rowCount
                || probabilities.length < rowCount * outputs) {
            throw new IllegalArgumentException("room for " + capacity + " rows; " + rowCount + " rows need " + rowCount
                    + " tokens and contexts and " + rowCount * outputs + " outputs");
        }
        if (started && rowCount != rows) {
            throw new IllegalArgumentException(rowCount + " rows, but the state holds " + rows + " (keepRows first)");
        }
        for (int r = 0; r < rowCount; r++) {
            int token = tokens[r];
            int ctx = contextOf[r];
            if (token < 0 || token >= symbols || ctx < 0 || ctx >= contextRows) {
                throw new IllegalArgumentException("row " + r + ": token " + token + " outside 0.." + (symbols - 1)
                        + " or context " + ctx + " outside 0.." + (contextRows - 1));
            }
            long g = (long) r * width;
            long p = (long) ctx * width;
            for (int j = 0; j < width; j++) {
                gates.set(g + j, contextProjection.get(p + j) + cell.w.get((long) j * cell.inputs + token));
            }
        }
        int next = 1 - current;
        Mem hPrev = started ? h[current] : null;
        if (lstm) {
            if (hPrev != null) {
                Blas.product(false, true, rowCount, width, hidden, 1, hPrev, 0, hidden, cell.rw, 0, hidden, 1, gates, 0, width);
            }
            cell.pointwise.lstmForward(rowCount, hidden, gates, 0, cell.bias, started ? c[current] : null, 0, c[next], 0,
                    tanhCell, 0, h[next], 0, null, 0);
        } else if (gru) {
            if (hPrev != null) {
                Blas.product(false, true, rowCount, width, hidden, 1, hPrev, 0, hidden, cell.rw, 0, hidden, 0, recurrent, 0, width);
            }
            cell.pointwise.gruForward(rowCount, hidden, gates, 0, cell.bias, hPrev == null ? null : recurrent, 0,
                    ((FastStepper.GruCell) cell).recurrentBias, hPrev, 0, candidate, 0, h[next], 0, null, 0);
        } else {
            if (hPrev != null) {
                Blas.product(false, true, rowCount, hidden, hidden, 1, hPrev, 0, hidden, cell.rw, 0, hidden, 1, gates, 0, hidden);
            }
            cell.pointwise.simpleRnnForward(rowCount, hidden, gates, 0, cell.bias, null, 0);
            for (long i = 0; i < (long) rowCount * hidden; i++) {
                h[next].set(i, gates.get(i));
            }
        }
        current = next;
        started = true;
        rows = rowCount;
        // y = h W + b: W is DL4J's [hidden, outputs] ('f' order: row-major [outputs, hidden])
        if (outputWeightsTransposed) {
            Blas.product(false, true, rowCount, outputs, hidden, 1, h[current], 0, hidden, outputWeights, 0, hidden, 0, logits, 0,
                    outputs);
        } else {
            Blas.product(false, false, rowCount, outputs, hidden, 1, h[current], 0, hidden, outputWeights, 0, outputs, 0, logits,
                    0, outputs);
        }
        for (int r = 0; r < rowCount; r++) {
            int base = r * outputs;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < outputs; k++) {
                max = Math.max(max, logits.get(base + k) + outputBias.get(k));
            }
            double total = 0;
            for (int k = 0; k < outputs; k++) {
                double e = Math.exp(logits.get(base + k) + outputBias.get(k) - max);
                logits.set(base + k, e);
                total += e;
            }
            for (int k = 0; k < outputs; k++) {
                probabilities[base + k] = (float) (logits.get(base + k) / total);
            }
        }
    }

    /** Keeps, in order, the states of the rows named (a row may be named more than once): the next step's rows. */
    public void keepRows(int[] parents) {
        if (!started) {
            throw new IllegalStateException("no step yet");
        }
        if (parents.length < 1 || parents.length > capacity) {
            throw new IllegalArgumentException(parents.length + " rows kept, room for 1.." + capacity);
        }
        int next = 1 - current;
        for (int r = 0; r < parents.length; r++) {
            if (parents[r] < 0 || parents[r] >= rows) {
                throw new IllegalArgumentException("row " + parents[r] + " outside 0.." + (rows - 1));
            }
            copy(h[current], (long) parents[r] * hidden, h[next], (long) r * hidden);
            if (lstm) {
                copy(c[current], (long) parents[r] * hidden, c[next], (long) r * hidden);
            }
        }
        current = next;
        rows = parents.length;
    }

    private void copy(Mem from, long fromOffset, Mem to, long toOffset) {
        if (from.floats != null) {
            to.floats.put((int) toOffset, from.floats, (int) fromOffset, hidden);
        } else {
            to.doubles.put((int) toOffset, from.doubles, (int) fromOffset, hidden);
        }
    }
}
