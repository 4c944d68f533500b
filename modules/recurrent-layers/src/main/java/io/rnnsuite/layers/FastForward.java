package io.rnnsuite.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.preprocessor.RnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.layers.BaseOutputLayer;
import org.deeplearning4j.nn.layers.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.layers.OutputLayer;
import org.deeplearning4j.nn.layers.feedforward.embedding.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.layers.pooling.GlobalPoolingLayer;
import org.deeplearning4j.nn.layers.recurrent.LastTimeStepLayer;
import org.deeplearning4j.nn.layers.recurrent.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The forward pass of a {@link MultiLayerNetwork} over one whole sequence (B = 1), for answering
 * single requests: the same result as {@code net.output(...)} on a {@code [1, features, steps]}
 * input, to float rounding, without any of DL4J's per-call work. It runs the cells of
 * {@link FastStepper} layer after layer over the sequence (one BLAS product for each layer's input
 * projection, then one recurrent product and one fused element-wise pass per step) on buffers
 * made once and grown only when a longer sequence than any before arrives: no DL4J call, array,
 * workspace or reshape per call.
 *
 * <p>It handles, in this order: an optional {@code EmbeddingSequenceLayer} (identity activation,
 * possibly frozen) reading one token index per step; one or more {@link FastLstm},
 * {@link FastSimpleRnn}, {@link Gru} layers, each possibly {@link FastBidirectional} (outputs
 * concatenated); then either a per-step {@code RnnOutputLayer}, or a reduction to one vector (the
 * last recurrent layer wrapped in {@code LastTimeStep}, or a {@code GlobalPoolingLayer} AVG or MAX)
 * followed by an {@code OutputLayer}; output activations softmax or identity; no input
 * preprocessors (but the {@code RnnToFeedForwardPreProcessor} DL4J puts before such an
 * {@code OutputLayer}, which passes the reduced 2-d input on). {@link #unsupportedReason} says why it cannot take any other network; callers then
 * use {@code net.output}. Dropout and weight noise are training-only and ignored, as at inference.
 *
 * <p>The parameters are read where the network keeps them, so training in between is seen;
 * {@link #rebind()} must follow anything that replaces the network's parameter array
 * ({@code init()}). Calls are serialised on this object.
 */
public final class FastForward {

    /** How the recurrent outputs reach the output layer. */
    private enum Reduction { PER_STEP, LAST, MEAN, MAX }

    private final MultiLayerNetwork net;
    private final boolean isDouble;
    /** The embedding layer's implementation, or null without one. */
    private final Layer embedding;
    private final int vocabulary;
    private final int embeddingWidth;
    private final List<Stage> stages = new ArrayList<>();
    private final Reduction reduction;
    private final BaseOutputLayer<?> head;
    private final int inputs;
    private final int outputs;
    private final boolean softmax;
    /** The arrays behind the fixed buffers: a {@link Mem} does not keep its memory alive. */
    private final List<INDArray> owned = new ArrayList<>();
    /** The arrays behind the buffers sized by {@link #capacity} steps. */
    private List<INDArray> sequenceArrays = List.of();
    private int capacity;
    /** Time-major input rows ({@code [steps, inputs]}, or the embedded tokens {@code [steps, embedding]}). */
    private Mem sequence;
    private Mem pooled;
    private Mem logits;
    private Mem embeddingWeights;
    private Mem embeddingBias;
    private long embeddingRowStride;
    private long embeddingColumnStride;
    private Mem outputWeights;
    private Mem outputBias;
    private boolean outputWeightsTransposed;

    /** One recurrent layer: its forward cell, the backward one of a bidirectional layer, their buffers. */
    private static final class Stage {
        final FastStepper.Cell forward;
        final FastStepper.Cell backward;
        final int width;
        /** This layer's outputs, time-major {@code [steps, width]}. */
        Mem output;
        Mem projectedForward;
        Mem projectedBackward;
        /** The forward cell's units in two halves, for {@link #runUnitSplit}; made on first use. */
        FastStepper.Cell.Share[] shares;

        Stage(FastStepper.Cell forward, FastStepper.Cell backward) {
            this.forward = forward;
            this.backward = backward;
            this.width = backward == null ? forward.hidden : 2 * forward.hidden;
        }
    }

    private FastForward(MultiLayerNetwork net) {
        this.net = net;
        this.isDouble = net.params().dataType() == DataType.DOUBLE;
        int n = net.getnLayers();
        int first = 0;
        Layer maybeEmbedding = unwrapFrozen(net.getLayer(0));
        if (maybeEmbedding instanceof EmbeddingSequenceLayer) {
            embedding = maybeEmbedding;
            FeedForwardLayer conf = (FeedForwardLayer) maybeEmbedding.conf().getLayer();
            vocabulary = (int) conf.getNIn();
            embeddingWidth = (int) conf.getNOut();
            first = 1;
        } else {
            embedding = null;
            vocabulary = 0;
            embeddingWidth = 0;
        }
        Reduction reduce = Reduction.PER_STEP;
        int i = first;
        for (; i < n - 1; i++) {
            Layer layer = net.getLayer(i);
            if (layer instanceof GlobalPoolingLayer pooling) {
                PoolingType type = ((org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer) pooling.conf().getLayer())
                        .getPoolingType();
                reduce = type == PoolingType.AVG ? Reduction.MEAN : Reduction.MAX;
                break;
            }
            if (layer instanceof LastTimeStepLayer last) {
                layer = last.getUnderlying();
                reduce = Reduction.LAST;
            }
            if (layer instanceof FastBidirectionalLayer bidirectional) {
                stages.add(new Stage(FastStepper.Cell.of(bidirectional.forwardLayer(), isDouble, owned),
                        FastStepper.Cell.of(bidirectional.backwardLayer(), isDouble, owned)));
            } else {
                stages.add(new Stage(FastStepper.Cell.of(layer, isDouble, owned), null));
            }
        }
        this.reduction = reduce;
        this.head = (BaseOutputLayer<?>) net.getLayer(n - 1);
        this.outputs = (int) ((FeedForwardLayer) head.conf().getLayer()).getNOut();
        this.softmax = head.layerConf().getActivationFn() instanceof ActivationSoftmax;
        this.inputs = embedding != null ? vocabulary : stages.get(0).forward.inputs;
        this.pooled = FastStepper.buffer(owned, isDouble, lastWidth());
        rebind();
    }

    /**
     * A forward pass for {@code net}, or empty when the network has a layer or setting it does not
     * handle ({@link #unsupportedReason} says which); callers then use {@code net.output}.
     */
    public static Optional<FastForward> of(MultiLayerNetwork net) {
        return unsupportedReason(net) == null ? Optional.of(new FastForward(net)) : Optional.empty();
    }

    /** Why {@link #of} gives no forward pass for {@code net}, or null when it gives one. */
    public static String unsupportedReason(MultiLayerNetwork net) {
        String shape = FastStepper.shapeRefusal(net);
        if (shape != null) {
            return shape;
        }
        int n = net.getnLayers();
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        for (int i = 0; i < n; i++) {
            // DL4J puts one before an OutputLayer fed by a reduction; on the 2-d input there it passes it on
            boolean passesOn = i == n - 1 && net.getLayer(i) instanceof OutputLayer
                    && conf.getInputPreProcess(i) instanceof RnnToFeedForwardPreProcessor;
            if (conf.getInputPreProcess(i) != null && !passesOn) {
                return "layer " + i + " has an input preprocessor (" + conf.getInputPreProcess(i).getClass().getSimpleName() + ")";
            }
        }
        int first = 0;
        long width = -1;
        Layer maybeEmbedding = unwrapFrozen(net.getLayer(0));
        if (maybeEmbedding instanceof EmbeddingSequenceLayer) {
            IActivation activation = maybeEmbedding.conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.BaseLayer b
                    ? b.getActivationFn() : null;
            if (!(activation instanceof ActivationIdentity)) {
                return "the embedding layer's activation is " + activation + ", not identity";
            }
            width = ((FeedForwardLayer) maybeEmbedding.conf().getLayer()).getNOut();
            first = 1;
        }
        boolean reduced = false;
        int recurrent = 0;
        int i = first;
        for (; i < n - 1; i++) {
            Layer layer = net.getLayer(i);
            if (reduced) {
                return "layer " + i + " (a " + layer.getClass().getSimpleName() + ") follows the reduction to one vector";
            }
            if (layer instanceof GlobalPoolingLayer pooling) {
                var poolingConf = (org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer) pooling.conf().getLayer();
                PoolingType poolingType = poolingConf.getPoolingType();
                if (poolingType != PoolingType.AVG && poolingType != PoolingType.MAX) {
                    return "layer " + i + " pools with " + poolingType + ", not AVG or MAX";
                }
                if (!poolingConf.isCollapseDimensions()) {
                    return "layer " + i + " pools without collapsing the time dimension";
                }
                if (recurrent == 0) {
                    return "layer " + i + " pools before any recurrent layer";
                }
                reduced = true;
                continue;
            }
            if (layer instanceof LastTimeStepLayer last) {
                layer = last.getUnderlying();
                reduced = true;
            }
            List<Layer> cells = new ArrayList<>();
            if (layer instanceof FastBidirectionalLayer bidirectional) {
                cells.add(bidirectional.forwardLayer());
                cells.add(bidirectional.backwardLayer());
            } else {
                cells.add(layer);
            }
            for (Layer cell : cells) {
                if (!(cell instanceof FastLstmLayer || cell instanceof FastSimpleRnnLayer || cell instanceof GruLayer)) {
                    return "layer " + i + " is a " + describe(net.getLayer(i))
                            + ", not a FastLstm, FastSimpleRnn or Gru (or one of them bidirectional or in LastTimeStep)";
                }
                long reads = ((FeedForwardLayer) cell.conf().getLayer()).getNIn();
                if (width >= 0 && reads != width) {
                    return "layer " + i + " reads " + reads + " features, the layer before emits " + width;
                }
            }
            long hidden = ((FeedForwardLayer) cells.get(0).conf().getLayer()).getNOut();
            width = cells.size() == 2 ? 2 * hidden : hidden;
            recurrent++;
        }
        if (recurrent == 0) {
            return "no recurrent layer before the output layer";
        }
        Layer last = net.getLayer(n - 1);
        if (reduced ? !(last instanceof OutputLayer) : !(last instanceof RnnOutputLayer)) {
            return "the last layer is a " + last.getClass().getSimpleName() + ", not "
                    + (reduced ? "an OutputLayer after the reduction to one vector" : "an RnnOutputLayer");
        }
        BaseOutputLayer<?> out = (BaseOutputLayer<?>) last;
        IActivation activation = out.layerConf().getActivationFn();
        if (!(activation instanceof ActivationSoftmax || activation instanceof ActivationIdentity)) {
            return "the output activation is " + activation + ", not softmax or identity";
        }
        if (!out.layerConf().hasBias()) {
            return "the output layer has no bias";
        }
        if (((FeedForwardLayer) out.conf().getLayer()).getNIn() != width) {
            return "the output layer reads " + ((FeedForwardLayer) out.conf().getLayer()).getNIn()
                    + " features, the layer before emits " + width;
        }
        return null;
    }

    private static Layer unwrapFrozen(Layer layer) {
        return layer instanceof FrozenLayerWithBackprop frozen ? frozen.getInsideLayer() : layer;
    }

    private static String describe(Layer layer) {
        if (layer instanceof LastTimeStepLayer last) {
            return "LastTimeStep(" + describe(last.getUnderlying()) + ")";
        }
        return layer.getClass().getSimpleName();
    }

    /** Re-reads the parameters where the network keeps them (after {@code init()} or {@code setParams} on a new array). */
    public synchronized void rebind() {
        for (Stage stage : stages) {
            stage.forward.bind();
            if (stage.backward != null) {
                stage.backward.bind();
            }
        }
        if (embedding != null) {
            INDArray w = embedding.getParam(DefaultParamInitializer.WEIGHT_KEY);
            embeddingWeights = Mem.of(w);
            embeddingRowStride = w.stride(0);
            embeddingColumnStride = w.stride(1);
            INDArray b = embedding.getParam(DefaultParamInitializer.BIAS_KEY);
            embeddingBias = b == null ? null : Mem.of(b);
        }
        INDArray w = head.getParam(DefaultParamInitializer.WEIGHT_KEY);
        outputWeights = Mem.of(w);
        outputWeightsTransposed = w.ordering() == 'f';
        outputBias = Mem.of(head.getParam(DefaultParamInitializer.BIAS_KEY));
    }

    /** Whether the network reads one token index per step (an embedding layer comes first). */
    public boolean readsIndices() {
        return embedding != null;
    }

    /** Features per step the network reads; for {@link #readsIndices()} the vocabulary size. */
    public int inputSize() {
        return inputs;
    }

    /** Values the output layer emits (per step when {@link #outputsPerStep()}). */
    public int outputSize() {
        return outputs;
    }

    /** Whether the network answers every step ({@code RnnOutputLayer}) rather than once per sequence. */
    public boolean outputsPerStep() {
        return reduction == Reduction.PER_STEP;
    }

    /** Length of the answer to a sequence of {@code steps} steps. */
    public int outputLength(int steps) {
        return outputsPerStep() ? steps * outputs : outputs;
    }

    /** Recurrent layers it runs (a bidirectional layer counts once). */
    public int recurrentLayers() {
        return stages.size();
    }

    /**
     * The network's output for one sequence of {@code steps} steps given time-major:
     * {@code features[t * inputSize() + i]} is feature {@code i} at step {@code t}. Into
     * {@code output} ({@link #outputLength}): probabilities with a softmax output layer; per-step
     * outputs time-major, {@code output[t * outputSize() + j]}.
     */
    public synchronized void output(double[] features, int steps, double[] output) {
        if (embedding != null) {
            throw new IllegalArgumentException("the network reads token indices: use outputForIndices");
        }
        if (steps < 1 || features.length != (long) steps * inputs) {
            throw new IllegalArgumentException("features hold " + features.length + " values, " + steps + " steps of "
                    + inputs + " features need " + (long) steps * inputs);
        }
        checkOutput(steps, output);
        ensureCapacity(steps);
        for (int k = 0; k < features.length; k++) {
            sequence.set(k, features[k]);
        }
        run(steps, null, output);
    }

    /**
     * The network's output for one sequence of token indices: with an embedding layer first, its
     * rows; otherwise the one-hot vectors of the indices (one column of the first layer's input
     * weights each, instead of a product). {@code output} as for {@link #output(double[], int, double[])}.
     */
    public synchronized void outputForIndices(int[] indices, double[] output) {
        int steps = indices.length;
        if (steps < 1) {
            throw new IllegalArgumentException("the sequence is empty");
        }
        for (int t = 0; t < steps; t++) {
            if (indices[t] < 0 || indices[t] >= inputs) {
                throw new IllegalArgumentException("index " + indices[t] + " at step " + t + " outside 0.." + (inputs - 1));
            }
        }
        checkOutput(steps, output);
        ensureCapacity(steps);
        if (embedding != null) {
            for (int t = 0; t < steps; t++) {
                long row = indices[t] * embeddingRowStride;
                for (int e = 0; e < embeddingWidth; e++) {
                    double v = embeddingWeights.get(row + e * embeddingColumnStride);
                    sequence.set((long) t * embeddingWidth + e, embeddingBias == null ? v : v + embeddingBias.get(e));
                }
            }
            run(steps, null, output);
        } else {
            run(steps, indices, output);
        }
    }

    private void checkOutput(int steps, double[] output) {
        if (output.length != outputLength(steps)) {
            throw new IllegalArgumentException("output has room for " + output.length + " values, the network emits "
                    + outputLength(steps));
        }
    }

    /** Every layer over the sequence in {@link #sequence} (or the one-hot {@code symbols}), then the head. */
    private void run(int steps, int[] symbols, double[] output) {
        // while the split is on, this thread's products (the head's too) run on one MKL thread:
        // MKL's own second thread, left spinning after a product, would take a core from the halves
        int pass = RowSplit.beginPass(0);
        try {
            runAndHead(steps, symbols, output);
        } finally {
            RowSplit.endPass(pass);
        }
    }

    private void runAndHead(int steps, int[] symbols, double[] output) {
        int pipelined = pipelinedStages();
        if (pipelined >= 2 && steps > 1 && !allSplitUnits(pipelined, steps)) {
            runPipelined(pipelined, steps, symbols);
        } else {
            pipelined = 0;
        }
        Mem x = runStages(pipelined, stages.size(), steps, symbols);
        int width = lastWidth();
        switch (reduction) {
            case PER_STEP -> head(x, steps, width, output);
            case LAST -> {
                Mem.copy(x, (long) (steps - 1) * width, pooled, 0, width);
                head(pooled, 1, width, output);
            }
            case MEAN, MAX -> {
                boolean mean = reduction == Reduction.MEAN;
                for (int j = 0; j < width; j++) {
                    double acc = x.get(j);
                    for (int t = 1; t < steps; t++) {
                        double v = x.get((long) t * width + j);
                        acc = mean ? acc + v : Math.max(acc, v);
                    }
                    pooled.set(j, mean ? acc / steps : acc);
                }
                head(pooled, 1, width, output);
            }
            default -> throw new IllegalStateException("unhandled reduction " + reduction);
        }
    }

    /**
     * Stages {@code first .. end-1} one after the other (the input of stage {@code first} is the
     * sequence or the output of the stage before it); returns the last one's output.
     */
    private Mem runStages(int first, int end, int steps, int[] symbols) {
        Mem x = first == 0 ? sequence : stages.get(first - 1).output;
        for (int s = first; s < end; s++) {
            Stage stage = stages.get(s);
            int[] stageSymbols = s == 0 ? symbols : null;
            Mem in = x;
            if (stage.backward == null && splitsUnits(stage.forward, steps)) {
                runUnitSplit(stage, stageSymbols, in, steps);
            } else if (stage.backward == null) {
                runCell(stage.forward, stageSymbols, in, steps, stage.projectedForward, stage.output, 0, stage.width, false);
            } else {
                // the two directions never meet: on two cores (RowSplit) each runs on its own
                RowSplit.run(2, directionWork(stage.forward, steps), (from, to) -> {
                    for (int direction = from; direction < to; direction++) {
                        if (direction == 0) {
                            runCell(stage.forward, stageSymbols, in, steps, stage.projectedForward, stage.output, 0,
                                    stage.width, false);
                        } else {
                            runCell(stage.backward, stageSymbols, in, steps, stage.projectedBackward, stage.output,
                                    stage.forward.hidden, stage.width, true);
                        }
                    }
                });
            }
            x = stage.output;
        }
        return x;
    }

    /**
     * Whether stages {@code 0 .. count-1} are each large enough for {@link #runUnitSplit}, which
     * then runs them one after the other instead of the pipeline: every step's work on both cores
     * and each layer's input projected in one product, where the pipeline's second core also
     * projects its input row by row. Measured on 2-layer LSTM(200) and LSTM(128) stacks, the unit
     * split was the faster or level (docs/results/performance.md).
     */
    private boolean allSplitUnits(int count, int steps) {
        for (int s = 0; s < count; s++) {
            if (!splitsUnits(stages.get(s).forward, steps)) {
                return false;
            }
        }
        return true;
    }

    /** How many leading stages are one-directional (those a pipeline can run: each step of one feeds the next). */
    private int pipelinedStages() {
        int count = 0;
        while (count < stages.size() && stages.get(count).backward == null) {
            count++;
        }
        return count;
    }

    /**
     * Stages {@code 0 .. count-1} over the sequence as a pipeline over the two cores
     * ({@link RowSplit}): core 0 runs stages 0, 2, 4, ..., core 1 stages 1, 3, ...; a stage's step
     * t starts once the stage below has written its output for step t (a counter per stage), so
     * on two cores the second layer runs one step behind the first instead of after it. Each step
     * projects its own input row then (a matrix-vector product instead of one product for the
     * whole sequence), except in the first stage. When the split does not run, the stages run one
     * after the other as usual.
     */
    private void runPipelined(int count, int steps, int[] symbols) {
        java.util.concurrent.atomic.AtomicIntegerArray done = new java.util.concurrent.atomic.AtomicIntegerArray(count);
        // a half that fails must not leave the other waiting for it
        java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
        long work = 0;
        for (int s = 0; s < count; s++) {
            work += directionWork(stages.get(s).forward, steps);
        }
        RowSplit.run(2, work / 2, (from, to) -> {
            if (to - from == 2) {
                // not split (one thread, or the split busy): the usual order
                runStages(0, count, steps, symbols);
                return;
            }
            try {
                runPipelineHalf(from, count, steps, symbols, done, failed);
            } catch (RuntimeException | Error e) {
                failed.set(true);
                throw e;
            }
        });
    }

    /** Stages {@code from, from + 2, ...} of {@link #runPipelined}, on one core. */
    private void runPipelineHalf(int from, int count, int steps, int[] symbols,
                                 java.util.concurrent.atomic.AtomicIntegerArray done,
                                 java.util.concurrent.atomic.AtomicBoolean failed) {
        for (int s = from; s < count; s += 2) {
            Stage stage = stages.get(s);
            FastStepper.Cell cell = stage.forward;
            cell.clear();
            if (s == 0 && symbols == null) {
                cell.projectSequence(sequence, steps, stage.projectedForward);
            }
            Mem below = s == 0 ? null : stages.get(s - 1).output;
            int belowWidth = s == 0 ? 0 : stages.get(s - 1).width;
            for (int t = 0; t < steps; t++) {
                if (s > 0) {
                    while (done.get(s - 1) <= t) {
                        if (failed.get()) {
                            throw new IllegalStateException("the pipeline's other half failed");
                        }
                        Thread.onSpinWait();
                    }
                    cell.projectRow(below, (long) t * belowWidth);
                } else if (symbols == null) {
                    cell.loadProjection(stage.projectedForward, t);
                } else {
                    cell.project(null, symbols[t]);
                }
                Mem h = cell.advance();
                Mem.copy(h, 0, stage.output, (long) t * stage.width, cell.hidden);
                done.set(s, t + 1);
            }
        }
    }

    /**
     * Whether a one-directional layer outside a pipeline runs its steps on both cores, each core
     * taking half the hidden units ({@link #runUnitSplit}): with the split {@link RowSplit#active()},
     * a sequence of more than one step, and at least {@link #minimumUnitSplitWork} multiply-adds in
     * each step's recurrent product.
     */
    private static boolean splitsUnits(FastStepper.Cell cell, int steps) {
        return steps > 1 && cell.hidden >= 2 && (long) cell.width * cell.hidden >= minimumUnitSplitWork
                && RowSplit.active();
    }

    /**
     * Multiply-adds of one step's recurrent product from which a layer's steps are shared between
     * the cores by units ({@code 4 H x H} for an LSTM): below it, the per-step hand-over (a round
     * trip of about 0.75 us between the two cores here, plus the new state's cache lines) and the
     * smaller products cost about what half a step saves. Measured on one sequence of 100 steps
     * (docs/results/performance.md): LSTM(64), 16,384, about 15 % slower split; LSTM(96), 36,864,
     * 1.22x; LSTM(128) 0.99-1.58x; LSTM(512) 1.5-2.4x (a noisy host).
     */
    static final long MIN_UNIT_SPLIT_WORK = 32_768;

    /** The environment variable that switches the unit split off when set to {@code off} (for measurements). */
    static final String UNIT_SPLIT_ENVIRONMENT = "RNN_SUITE_UNIT_SPLIT";

    private static volatile long minimumUnitSplitWork =
            "off".equalsIgnoreCase(String.valueOf(System.getenv(UNIT_SPLIT_ENVIRONMENT)).trim()) ? Long.MAX_VALUE
                    : MIN_UNIT_SPLIT_WORK;

    /** The per-step threshold of the unit split ({@link #MIN_UNIT_SPLIT_WORK} by default); tests split small layers with 0. */
    static void setMinimumUnitSplitWork(long multiplyAdds) {
        minimumUnitSplitWork = multiplyAdds;
    }

    /** Unit-split sequences run so far (tests check that a case they mean to split was split). */
    private static final java.util.concurrent.atomic.AtomicLong UNIT_SPLITS = new java.util.concurrent.atomic.AtomicLong();

    static long unitSplits() {
        return UNIT_SPLITS.get();
    }

    /** Slots of the two halves' step counters, a cache line (16 ints) apart so their writes do not meet. */
    private static final int COUNTER_SPACING = 16;

    /**
     * One one-directional layer over the sequence on two cores ({@link RowSplit}), by units: core
     * k steps hidden units {@code [k H/2, (k + 1) H/2)} (its rows of every gate block of the
     * recurrent weights, about half the matrix, which then stays in that core's caches) and writes
     * them into the layer's output row; step t of either half starts once both have written step
     * t - 1 (a counter per half, spin-waiting), since every unit's gates read the whole previous
     * output. The input projection of the whole sequence comes first, itself split. Where the split
     * does not run (the helper busy), the steps run on this thread as usual.
     */
    private void runUnitSplit(Stage stage, int[] symbols, Mem x, int steps) {
        FastStepper.Cell cell = stage.forward;
        cell.clear();
        if (symbols == null) {
            cell.projectSequence(x, steps, stage.projectedForward);
        }
        if (stage.shares == null) {
            int half = cell.hidden / 2;
            stage.shares = new FastStepper.Cell.Share[] {cell.share(0, half, owned), cell.share(half, cell.hidden, owned)};
        }
        java.util.concurrent.atomic.AtomicIntegerArray done =
                new java.util.concurrent.atomic.AtomicIntegerArray(2 * COUNTER_SPACING);
        java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
        // the threshold that matters is the per-step one (splitsUnits), not the pass's
        RowSplit.runInTwo((from, to) -> {
            if (to - from == 2) {
                stepCell(cell, symbols, steps, stage.projectedForward, stage.output, 0, stage.width, false);
                return;
            }
            if (from == 0) {
                UNIT_SPLITS.incrementAndGet();
            }
            try {
                runShare(stage, from, symbols, steps, done, failed);
            } catch (RuntimeException | Error e) {
                failed.set(true);
                throw e;
            }
        });
    }

    /** Half {@code k} of {@link #runUnitSplit}, on one core. */
    private static void runShare(Stage stage, int k, int[] symbols, int steps,
                                 java.util.concurrent.atomic.AtomicIntegerArray done,
                                 java.util.concurrent.atomic.AtomicBoolean failed) {
        FastStepper.Cell.Share share = stage.shares[k];
        share.begin();
        int mine = k * COUNTER_SPACING;
        int other = (1 - k) * COUNTER_SPACING;
        long rowWidth = stage.width;
        long projectedWidth = stage.forward.width;
        for (int t = 0; t < steps; t++) {
            if (symbols == null) {
                share.load(stage.projectedForward, t * projectedWidth);
            } else {
                share.loadSymbol(symbols[t]);
            }
            if (t > 0 && done.get(other) < t) {
                awaitOther(done, other, t, failed);
            }
            share.advance(t == 0 ? null : stage.output, (t - 1) * rowWidth, stage.output, t * rowWidth + share.from);
            done.set(mine, t + 1);
        }
    }

    /**
     * Spin time after which a half waiting for the other yields its core: the other half is then
     * most likely not running (another thread of the process, a collector's, took its core), and
     * spinning on would keep it off this one.
     */
    private static final long SPIN_BEFORE_YIELD_NANOS = 20_000;

    /** Waits until the other half's counter at {@code other} reaches {@code step}. */
    private static void awaitOther(java.util.concurrent.atomic.AtomicIntegerArray done, int other, int step,
                                   java.util.concurrent.atomic.AtomicBoolean failed) {
        long yieldAfter = System.nanoTime() + SPIN_BEFORE_YIELD_NANOS;
        while (done.get(other) < step) {
            if (failed.get()) {
                throw new IllegalStateException("the other half of the unit split failed");
            }
            if (System.nanoTime() < yieldAfter) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    /** Multiply-adds of one direction of a layer over {@code steps} steps, for {@link RowSplit}'s threshold. */
    private static long directionWork(FastStepper.Cell cell, int steps) {
        return (long) steps * cell.width * (cell.inputs + cell.hidden);
    }

    /** One direction of one layer over the sequence; its outputs go into columns {@code column..} of {@code out}. */
    private static void runCell(FastStepper.Cell cell, int[] symbols, Mem x, int steps, Mem projected, Mem out,
                                int column, int outWidth, boolean reverse) {
        cell.clear();
        if (symbols == null) {
            cell.projectSequence(x, steps, projected);
        }
        stepCell(cell, symbols, steps, projected, out, column, outWidth, reverse);
    }

    /** The steps of {@link #runCell} once the sequence's input is projected. */
    private static void stepCell(FastStepper.Cell cell, int[] symbols, int steps, Mem projected, Mem out,
                                 int column, int outWidth, boolean reverse) {
        for (int k = 0; k < steps; k++) {
            int t = reverse ? steps - 1 - k : k;
            if (symbols == null) {
                cell.loadProjection(projected, t);
            } else {
                cell.project(null, symbols[t]);
            }
            Mem h = cell.advance();
            Mem.copy(h, 0, out, (long) t * outWidth + column, cell.hidden);
        }
    }

    /** {@code rows} rows of {@code x} ({@code width} wide) through the output layer, into {@code output}. */
    private void head(Mem x, int rows, int width, double[] output) {
        // y = x W + b: W is DL4J's [width, outputs] ('f' order: row-major [outputs, width])
        if (outputWeightsTransposed) {
            Blas.product(false, true, rows, outputs, width, 1, x, 0, width, outputWeights, 0, width, 0, logits, 0, outputs);
        } else {
            Blas.product(false, false, rows, outputs, width, 1, x, 0, width, outputWeights, 0, outputs, 0, logits, 0, outputs);
        }
        for (int r = 0; r < rows; r++) {
            int base = r * outputs;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < outputs; j++) {
                double v = logits.get(base + j) + outputBias.get(j);
                output[base + j] = v;
                max = Math.max(max, v);
            }
            if (softmax) {
                double total = 0;
                for (int j = 0; j < outputs; j++) {
                    double e = Math.exp(output[base + j] - max);
                    output[base + j] = e;
                    total += e;
                }
                for (int j = 0; j < outputs; j++) {
                    // rounded to the network's type, as its own output would be
                    output[base + j] = isDouble ? output[base + j] / total : (float) (output[base + j] / total);
                }
            } else if (!isDouble) {
                for (int j = 0; j < outputs; j++) {
                    output[base + j] = (float) output[base + j];
                }
            }
        }
    }

    private int lastWidth() {
        return stages.get(stages.size() - 1).width;
    }

    /** Buffers for sequences of up to {@code steps} steps: made on the first call, grown only for a longer one. */
    private void ensureCapacity(int steps) {
        if (steps <= capacity) {
            return;
        }
        int grown = Math.max(steps, Math.min(2 * capacity, 1 << 16));
        // the old sequence buffers are dropped (the cells' own and the pooled row stay)
        List<INDArray> owner = new ArrayList<>();
        int firstWidth = embedding != null ? embeddingWidth : inputs;
        sequence = FastStepper.buffer(owner, isDouble, (long) grown * firstWidth);
        for (Stage stage : stages) {
            stage.output = FastStepper.buffer(owner, isDouble, (long) grown * stage.width);
            stage.projectedForward = FastStepper.buffer(owner, isDouble, (long) grown * stage.forward.width);
            stage.projectedBackward = stage.backward == null ? null
                    : FastStepper.buffer(owner, isDouble, (long) grown * stage.backward.width);
        }
        logits = FastStepper.buffer(owner, isDouble, (long) (outputsPerStep() ? grown : 1) * outputs);
        sequenceArrays = owner;
        capacity = grown;
    }
}
