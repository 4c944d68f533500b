package io.rnnsuite.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.layers.recurrent.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.params.LSTMParamInitializer;
import org.deeplearning4j.nn.params.SimpleRnnParamInitializer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs a {@link MultiLayerNetwork} one time step of one sequence at a time, keeping the recurrent
 * state itself: what sampling a character model does, thousands of times in a row. The same
 * maths as {@code net.rnnTimeStep} on a {@code [1, inputs, 1]} input (the same BLAS products and
 * element-wise kernels as the layers' full pass), without any of DL4J's per-call work: no arrays,
 * workspaces or reshapes per step, only BLAS calls and Java loops on buffers made once.
 *
 * <p>It handles networks made of {@link FastLstm}, {@link FastSimpleRnn} and {@link Gru} layers
 * (unidirectional; dropout and weight noise are training-only and ignored, as at inference)
 * followed by one {@code RnnOutputLayer} with softmax or identity activation, and no input
 * preprocessors; {@link #of} says why it cannot take any other network. An input given as a
 * symbol index (a one-hot vector) reads one column of the first layer's input weights instead of
 * a matrix product.
 *
 * <p>The parameters are read where the network keeps them, so training between steps is seen;
 * {@link #reset()} must follow anything that replaces the network's parameter array
 * ({@code init()}). The state is this object's own: {@code net.rnnTimeStep} and
 * {@code rnnClearPreviousState} neither see nor change it. Not thread-safe.
 */
public final class FastStepper {

    private final MultiLayerNetwork net;
    private final List<Cell> cells = new ArrayList<>();
    private final int inputs;
    private final int outputs;
    private final boolean softmax;
    private final boolean isDouble;
    private Mem outputWeights;
    private Mem outputBias;
    private final Mem logits;
    private final boolean outputWeightsTransposed;
    /** The arrays behind this stepper's buffers: a {@link Mem} does not keep its memory alive. */
    private final List<INDArray> owned = new ArrayList<>();

    private FastStepper(MultiLayerNetwork net, boolean softmax) {
        this.net = net;
        this.softmax = softmax;
        this.isDouble = net.params().dataType() == DataType.DOUBLE;
        int n = net.getnLayers();
        for (int i = 0; i < n - 1; i++) {
            cells.add(Cell.of(net.getLayer(i), isDouble, owned));
        }
        this.inputs = cells.get(0).inputs;
        RnnOutputLayer out = (RnnOutputLayer) net.getLayer(n - 1);
        this.outputs = (int) out.layerConf().getNOut();
        this.outputWeightsTransposed = out.getParam(DefaultParamInitializer.WEIGHT_KEY).ordering() == 'f';
        this.logits = buffer(owned, isDouble, outputs);
        reset();
    }

    /**
     * A stepper for {@code net}, or empty when the network has a layer or setting it does not
     * handle ({@link #unsupportedReason} says which); callers then fall back to {@code rnnTimeStep}.
     */
    public static Optional<FastStepper> of(MultiLayerNetwork net) {
        return unsupportedReason(net) == null ? Optional.of(new FastStepper(net, isSoftmax(net))) : Optional.empty();
    }

    /**
     * Why a network cannot be run by the fast single-sequence paths at all ({@link FastForward}
     * too), or null: fewer than two layers, or parameters neither float nor double.
     */
    static String shapeRefusal(MultiLayerNetwork net) {
        int n = net.getnLayers();
        if (n < 2) {
            return "a recurrent layer and an output layer are needed, the network has " + n + " layer(s)";
        }
        DataType type = net.params().dataType();
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            return "parameters are " + type + ", not FLOAT or DOUBLE";
        }
        return null;
    }

    /** Why {@link #of} gives no stepper for {@code net}, or null when it gives one. */
    public static String unsupportedReason(MultiLayerNetwork net) {
        String shape = shapeRefusal(net);
        if (shape != null) {
            return shape;
        }
        int n = net.getnLayers();
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        for (int i = 0; i < n; i++) {
            if (conf.getInputPreProcess(i) != null) {
                return "layer " + i + " has an input preprocessor";
            }
        }
        for (int i = 0; i < n - 1; i++) {
            Layer layer = net.getLayer(i);
            if (!(layer instanceof FastLstmLayer || layer instanceof FastSimpleRnnLayer || layer instanceof GruLayer)) {
                return "layer " + i + " is a " + layer.getClass().getSimpleName()
                        + ", not a unidirectional FastLstm, FastSimpleRnn or Gru";
            }
            if (i > 0 && cellInputs(layer) != cellHidden(net.getLayer(i - 1))) {
                return "layer " + i + " reads " + cellInputs(layer) + " features, layer " + (i - 1) + " emits "
                        + cellHidden(net.getLayer(i - 1));
            }
        }
        Layer last = net.getLayer(n - 1);
        if (!(last instanceof RnnOutputLayer)) {
            return "the last layer is a " + last.getClass().getSimpleName() + ", not an RnnOutputLayer";
        }
        RnnOutputLayer out = (RnnOutputLayer) last;
        IActivation activation = out.layerConf().getActivationFn();
        if (!(activation instanceof ActivationSoftmax || activation instanceof ActivationIdentity)) {
            return "the output activation is " + activation + ", not softmax or identity";
        }
        if (!out.layerConf().hasBias()) {
            return "the output layer has no bias";
        }
        if (out.layerConf().getNIn() != cellHidden(net.getLayer(n - 2))) {
            return "the output layer reads " + out.layerConf().getNIn() + " features, the last recurrent layer emits "
                    + cellHidden(net.getLayer(n - 2));
        }
        return null;
    }

    private static boolean isSoftmax(MultiLayerNetwork net) {
        RnnOutputLayer out = (RnnOutputLayer) net.getLayer(net.getnLayers() - 1);
        return out.layerConf().getActivationFn() instanceof ActivationSoftmax;
    }

    private static long cellInputs(Layer layer) {
        return ((org.deeplearning4j.nn.conf.layers.FeedForwardLayer) layer.conf().getLayer()).getNIn();
    }

    private static long cellHidden(Layer layer) {
        return ((org.deeplearning4j.nn.conf.layers.FeedForwardLayer) layer.conf().getLayer()).getNOut();
    }

    /** Features per step the network reads. */
    public int inputSize() {
        return inputs;
    }

    /** Values per step it emits (the vocabulary of a character model). */
    public int outputSize() {
        return outputs;
    }

    /** Recurrent layers it steps (the network's layers but the output layer). */
    public int recurrentLayers() {
        return cells.size();
    }

    /**
     * Unit {@code unit}'s output in recurrent layer {@code layer} after the last step (0 before the
     * first step, as the zero state); what {@code rnnGetPreviousState} would hold there.
     */
    public double output(int layer, int unit) {
        Cell cell = cells.get(layer);
        if (unit < 0 || unit >= cell.hidden) {
            throw new IllegalArgumentException("unit " + unit + " outside 0.." + (cell.hidden - 1));
        }
        return cell.started ? cell.h[cell.current].get(unit) : 0;
    }

    /** Back to the zero state (what {@code rnnClearPreviousState} gives), with the network's current parameters. */
    public void reset() {
        for (Cell cell : cells) {
            cell.bind();
            cell.started = false;
        }
        RnnOutputLayer out = (RnnOutputLayer) net.getLayer(net.getnLayers() - 1);
        outputWeights = Mem.of(out.getParam(DefaultParamInitializer.WEIGHT_KEY));
        outputBias = Mem.of(out.getParam(DefaultParamInitializer.BIAS_KEY));
    }

    /**
     * One step whose input is the one-hot vector of {@code symbol}; the network's output for it
     * (probabilities with a softmax output layer) goes into {@code output}.
     */
    public void stepSymbol(int symbol, double[] output) {
        if (symbol < 0 || symbol >= inputs) {
            throw new IllegalArgumentException("symbol " + symbol + " outside 0.." + (inputs - 1));
        }
        checkOutput(output);
        cells.get(0).project(null, symbol);
        run(output);
    }

    /** One step with {@code input} ({@link #inputSize()} values); the network's output goes into {@code output}. */
    public void step(double[] input, double[] output) {
        if (input.length != inputs) {
            throw new IllegalArgumentException("input has " + input.length + " values, the network reads " + inputs);
        }
        checkOutput(output);
        Cell first = cells.get(0);
        for (int i = 0; i < inputs; i++) {
            first.input.set(i, input[i]);
        }
        first.project(first.input, -1);
        run(output);
    }

    private void checkOutput(double[] output) {
        if (output.length != outputs) {
            throw new IllegalArgumentException("output has room for " + output.length + " values, the network emits "
                    + outputs);
        }
    }

    /** The recurrent stack from the first layer's projected input, then the output layer. */
    private void run(double[] output) {
        Mem h = cells.get(0).advance();
        for (int i = 1; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            cell.project(h, -1);
            h = cell.advance();
        }
        int hidden = cells.get(cells.size() - 1).hidden;
        // y = h W + b: W is DL4J's [hidden, outputs] ('f' order: row-major [outputs, hidden])
        if (outputWeightsTransposed) {
            Blas.product(false, true, 1, outputs, hidden, 1, h, 0, hidden, outputWeights, 0, hidden, 0, logits, 0, outputs);
        } else {
            Blas.product(false, false, 1, outputs, hidden, 1, h, 0, hidden, outputWeights, 0, outputs, 0, logits, 0, outputs);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < outputs; j++) {
            double v = logits.get(j) + outputBias.get(j);
            output[j] = v;
            max = Math.max(max, v);
        }
        if (softmax) {
            double total = 0;
            for (int j = 0; j < outputs; j++) {
                double e = Math.exp(output[j] - max);
                output[j] = e;
                total += e;
            }
            for (int j = 0; j < outputs; j++) {
                // rounded to the network's type, as its own softmax output would be
                output[j] = isDouble ? output[j] / total : (float) (output[j] / total);
            }
        } else if (!isDouble) {
            for (int j = 0; j < outputs; j++) {
                output[j] = (float) output[j];
            }
        }
    }

    /** A zeroed buffer whose array {@code owner} keeps reachable (freed memory would otherwise be read). */
    static Mem buffer(List<INDArray> owner, boolean isDouble, long length) {
        INDArray array = Nd4j.createUninitializedDetached(isDouble ? DataType.DOUBLE : DataType.FLOAT, length);
        array.assign(0);
        owner.add(array);
        return Mem.of(array);
    }

    /**
     * One recurrent layer's step: its pre-activations, its state (two buffers used in turn), its
     * parameters. {@link FastForward} runs the same cells over whole sequences.
     */
    abstract static class Cell {
        final Layer layer;
        final int inputs;
        final int hidden;
        final int width;
        final Mem input;
        final Mem gates;
        /** Output state; {@code h[current]} is the last step's. */
        final Mem[] h = new Mem[2];
        int current;
        boolean started;
        final Pointwise pointwise;
        final int gateBlocks;
        final boolean isDouble;
        Mem w;
        Mem rw;
        Mem bias;

        Cell(Layer layer, int gateBlocks, boolean isDouble, List<INDArray> owned) {
            this.layer = layer;
            this.gateBlocks = gateBlocks;
            this.isDouble = isDouble;
            this.inputs = (int) cellInputs(layer);
            this.hidden = (int) cellHidden(layer);
            this.width = gateBlocks * hidden;
            this.input = buffer(owned, isDouble, inputs);
            this.gates = buffer(owned, isDouble, width);
            this.h[0] = buffer(owned, isDouble, hidden);
            this.h[1] = buffer(owned, isDouble, hidden);
            this.pointwise = Pointwise.forType(isDouble);
        }

        static Cell of(Layer layer, boolean isDouble, List<INDArray> owned) {
            if (layer instanceof FastLstmLayer) {
                return new LstmCell(layer, isDouble, owned);
            }
            if (layer instanceof GruLayer) {
                return new GruCell(layer, isDouble, owned);
            }
            return new SimpleRnnCell(layer, isDouble, owned);
        }

        /** Reads the parameters where the layer keeps them. */
        abstract void bind();

        /**
         * {@code gates = x W} (W row-major {@code [width, inputs]}, DL4J's 'f'-order {@code [inputs, width]}):
         * with {@code symbol >= 0} the one-hot product, one column of W.
         */
        void project(Mem x, int symbol) {
            if (symbol >= 0) {
                for (int j = 0; j < width; j++) {
                    gates.set(j, w.get((long) j * inputs + symbol));
                }
            } else {
                Blas.product(false, true, 1, width, inputs, 1, x, 0, inputs, w, 0, inputs, 0, gates, 0, width);
            }
        }

        /** As {@link #project} for the row of {@code x} at {@code offset} ({@code inputs} wide). */
        void projectRow(Mem x, long offset) {
            Blas.product(false, true, 1, width, inputs, 1, x, offset, inputs, w, 0, inputs, 0, gates, 0, width);
        }

        /**
         * {@code projected = X W} for {@code steps} time-major rows of {@code x} (one product for
         * the whole sequence; {@link #loadProjection} then hands each row to {@link #advance()}).
         */
        void projectSequence(Mem x, int steps, Mem projected) {
            if (steps > 1) {
                // shared between the cores when the split is on (RowSplit)
                Blas.gemmSplit(false, true, steps, width, inputs, 1, x, 0, inputs, w, 0, inputs, 0, projected, 0, width);
            } else {
                Blas.product(false, true, steps, width, inputs, 1, x, 0, inputs, w, 0, inputs, 0, projected, 0, width);
            }
        }

        /** Row {@code step} of a {@link #projectSequence} result as this step's projected input. */
        void loadProjection(Mem projected, int step) {
            Mem.copy(projected, (long) step * width, gates, 0, width);
        }

        /** Back to the zero state. */
        void clear() {
            started = false;
        }

        /** Finishes the step from the projected input in {@link #gates}; returns the new output state. */
        abstract Mem advance();

        /** The previous output state, or null for the zero state. */
        Mem previous() {
            return started ? h[current] : null;
        }

        /**
         * Hidden units {@code [from, to)} of this cell, for one core to step while another steps the
         * rest ({@link FastForward} on one long sequence); its buffers are taken from {@code owned}.
         */
        abstract Share share(int from, int to, List<INDArray> owned);

        /**
         * A share of a cell's hidden units: its gate pre-activations copied block by block into a
         * buffer of its own ({@code [block 0 | block 1 | ...]}, {@code units} wide each), so that the
         * element-wise kernel runs on it as on a cell of {@code units} units, and the recurrent
         * product reads only its rows of the recurrent weights, in place. Each step needs the whole
         * previous output (both shares'); it writes its own units of the new one.
         */
        abstract class Share {
            /** The first of its units. */
            final int from;
            final int units;
            final Mem gates;
            /** Its entries of the layer's bias, in its own block layout ({@link #begin()} copies them). */
            final Mem shareBias;

            Share(int from, int to, List<INDArray> owned) {
                if (from < 0 || to > hidden || to <= from) {
                    throw new IllegalArgumentException("units " + from + ".." + to + " outside 0.." + hidden);
                }
                this.from = from;
                this.units = to - from;
                this.gates = buffer(owned, isDouble, (long) gateBlocks * units);
                this.shareBias = buffer(owned, isDouble, (long) gateBlocks * units);
            }

            /** Before a sequence: the layer's current bias (training may have changed it); the zero state. */
            void begin() {
                gather(bias, 0, shareBias);
            }

            /** This step's projected input from the row of a {@link #projectSequence} result at {@code rowOffset}. */
            void load(Mem projected, long rowOffset) {
                gather(projected, rowOffset, gates);
            }

            /** This step's projected input for the one-hot vector of {@code symbol}: its column of the input weights. */
            void loadSymbol(int symbol) {
                for (int g = 0; g < gateBlocks; g++) {
                    for (int j = 0; j < units; j++) {
                        gates.set((long) g * units + j, w.get(((long) g * hidden + from + j) * inputs + symbol));
                    }
                }
            }

            /**
             * One step: the previous output at {@code hPrevOffset} of {@code hPrev} ({@code hidden}
             * values; null for the zero state), this share's new outputs into {@code out} from
             * {@code outOffset} ({@code units} values).
             */
            abstract void advance(Mem hPrev, long hPrevOffset, Mem out, long outOffset);

            /** {@code into} block g = {@code hPrev} times this share's rows of the recurrent weights' block g, plus {@code beta} times itself. */
            void recurrent(Mem hPrev, long hPrevOffset, Mem into, double beta) {
                for (int g = 0; g < gateBlocks; g++) {
                    Blas.product(false, true, 1, units, hidden, 1, hPrev, hPrevOffset, hidden,
                            rw, ((long) g * hidden + from) * hidden, hidden, beta, into, (long) g * units, units);
                }
            }

            /** This share's entries of a row of {@code width} values at {@code rowOffset} of {@code row}, block by block. */
            void gather(Mem row, long rowOffset, Mem into) {
                for (int g = 0; g < gateBlocks; g++) {
                    Mem.copy(row, rowOffset + (long) g * hidden + from, into, (long) g * units, units);
                }
            }
        }
    }

    static final class LstmCell extends Cell {
        final Mem[] c = new Mem[2];
        final Mem tanhCell;

        LstmCell(Layer layer, boolean isDouble, List<INDArray> owned) {
            super(layer, 4, isDouble, owned);
            c[0] = buffer(owned, isDouble, hidden);
            c[1] = buffer(owned, isDouble, hidden);
            tanhCell = buffer(owned, isDouble, hidden);
        }

        @Override
        void bind() {
            w = Mem.of(layer.getParam(LSTMParamInitializer.INPUT_WEIGHT_KEY));
            rw = Mem.of(layer.getParam(LSTMParamInitializer.RECURRENT_WEIGHT_KEY));
            bias = Mem.of(layer.getParam(LSTMParamInitializer.BIAS_KEY));
        }

        @Override
        Mem advance() {
            Mem hPrev = previous();
            Mem cPrev = started ? c[current] : null;
            if (hPrev != null) {
                Blas.product(false, true, 1, width, hidden, 1, hPrev, 0, hidden, rw, 0, hidden, 1, gates, 0, width);
            }
            int next = 1 - current;
            pointwise.lstmForward(1, hidden, gates, 0, bias, cPrev, 0, c[next], 0, tanhCell, 0, h[next], 0, null, 0);
            current = next;
            started = true;
            return h[current];
        }

        @Override
        Share share(int from, int to, List<INDArray> owned) {
            return new LstmShare(from, to, owned);
        }

        /** An LSTM's share keeps the cell state of its own units (no other core reads it). */
        final class LstmShare extends Share {
            final Mem[] shareCell = new Mem[2];
            final Mem shareTanhCell;
            int currentCell;

            LstmShare(int from, int to, List<INDArray> owned) {
                super(from, to, owned);
                shareCell[0] = buffer(owned, isDouble, units);
                shareCell[1] = buffer(owned, isDouble, units);
                shareTanhCell = buffer(owned, isDouble, units);
            }

            @Override
            void advance(Mem hPrev, long hPrevOffset, Mem out, long outOffset) {
                if (hPrev != null) {
                    recurrent(hPrev, hPrevOffset, gates, 1);
                }
                int next = 1 - currentCell;
                pointwise.lstmForward(1, units, gates, 0, shareBias, hPrev == null ? null : shareCell[currentCell], 0,
                        shareCell[next], 0, shareTanhCell, 0, out, outOffset, null, 0);
                currentCell = next;
            }
        }
    }

    static final class SimpleRnnCell extends Cell {
        SimpleRnnCell(Layer layer, boolean isDouble, List<INDArray> owned) {
            super(layer, 1, isDouble, owned);
        }

        @Override
        void bind() {
            w = Mem.of(layer.getParam(SimpleRnnParamInitializer.WEIGHT_KEY));
            rw = Mem.of(layer.getParam(SimpleRnnParamInitializer.RECURRENT_WEIGHT_KEY));
            bias = Mem.of(layer.getParam(SimpleRnnParamInitializer.BIAS_KEY));
        }

        @Override
        Mem advance() {
            Mem hPrev = previous();
            if (hPrev != null) {
                Blas.product(false, true, 1, hidden, hidden, 1, hPrev, 0, hidden, rw, 0, hidden, 1, gates, 0, hidden);
            }
            pointwise.simpleRnnForward(1, hidden, gates, 0, bias, null, 0);
            int next = 1 - current;
            for (int j = 0; j < hidden; j++) {
                h[next].set(j, gates.get(j));
            }
            current = next;
            started = true;
            return h[current];
        }

        @Override
        Share share(int from, int to, List<INDArray> owned) {
            return new Share(from, to, owned) {
                @Override
                void advance(Mem hPrev, long hPrevOffset, Mem out, long outOffset) {
                    if (hPrev != null) {
                        recurrent(hPrev, hPrevOffset, gates, 1);
                    }
                    pointwise.simpleRnnForward(1, units, gates, 0, shareBias, null, 0);
                    Mem.copy(gates, 0, out, outOffset, units);
                }
            };
        }
    }

    static final class GruCell extends Cell {
        final Mem recurrent;
        final Mem recurrentCandidate;
        Mem recurrentBias;

        GruCell(Layer layer, boolean isDouble, List<INDArray> owned) {
            super(layer, 3, isDouble, owned);
            recurrent = buffer(owned, isDouble, width);
            recurrentCandidate = buffer(owned, isDouble, hidden);
        }

        @Override
        void bind() {
            w = Mem.of(layer.getParam(GruParamInitializer.WEIGHT_KEY));
            rw = Mem.of(layer.getParam(GruParamInitializer.RECURRENT_WEIGHT_KEY));
            bias = Mem.of(layer.getParam(GruParamInitializer.BIAS_KEY));
            recurrentBias = Mem.of(layer.getParam(GruParamInitializer.RECURRENT_BIAS_KEY));
        }

        @Override
        Mem advance() {
            Mem hPrev = previous();
            if (hPrev != null) {
                Blas.product(false, true, 1, width, hidden, 1, hPrev, 0, hidden, rw, 0, hidden, 0, recurrent, 0, width);
            }
            int next = 1 - current;
            pointwise.gruForward(1, hidden, gates, 0, bias, hPrev == null ? null : recurrent, 0, recurrentBias,
                    hPrev, 0, recurrentCandidate, 0, h[next], 0, null, 0);
            current = next;
            started = true;
            return h[current];
        }

        @Override
        Share share(int from, int to, List<INDArray> owned) {
            return new GruShare(from, to, owned);
        }

        /** A GRU's share also keeps its recurrent products and its entries of the recurrent bias apart. */
        final class GruShare extends Share {
            final Mem shareRecurrent;
            final Mem shareRecurrentBias;
            final Mem shareCandidate;

            GruShare(int from, int to, List<INDArray> owned) {
                super(from, to, owned);
                shareRecurrent = buffer(owned, isDouble, 3L * units);
                shareRecurrentBias = buffer(owned, isDouble, 3L * units);
                shareCandidate = buffer(owned, isDouble, units);
            }

            @Override
            void begin() {
                super.begin();
                gather(recurrentBias, 0, shareRecurrentBias);
            }

            @Override
            void advance(Mem hPrev, long hPrevOffset, Mem out, long outOffset) {
                if (hPrev != null) {
                    recurrent(hPrev, hPrevOffset, shareRecurrent, 0);
                }
                pointwise.gruForward(1, units, gates, 0, shareBias, hPrev == null ? null : shareRecurrent, 0,
                        shareRecurrentBias, hPrev, hPrevOffset + from, shareCandidate, 0, out, outOffset, null, 0);
            }
        }
    }
}
