package io.rnnsuite.layers;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.recurrent.RnnOutputLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.base.Preconditions;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * The layer of {@link FastRnnOutput}: DL4J's {@link RnnOutputLayer} computed on time-major rows.
 *
 * <p>DL4J's layer works on 2-d rows {@code b + batch * t} (sequence {@code b} at step {@code t}),
 * which it copies out of its 3-d input for the forward pass and again for backpropagation, and
 * copies its 2-d input gradient back into 3-d. Those rows are exactly the time-major rows the
 * fast recurrent layers compute in, and a fast layer hands its output on as a view of its
 * time-major buffer ({@code [batch, features, steps]} with strides {@code [features, 1,
 * batch * features]}): here that view is read in place, the input gradient is handed back the
 * same way, and the three products (output, weight gradient, input gradient) run through
 * {@link Blas#gemmSplit}. Softmax with cross-entropy (the classifiers' and the char-LM's head) is
 * one fused pass per row, whose score the network's {@code computeScore} right after
 * backpropagation takes instead of a second forward pass; any other loss and activation, masks and
 * weight noise are DL4J's own calls, on the same rows. Scores and gradients equal the stock
 * layer's to float rounding.
 *
 * <p>Any other input (from a stock layer, or a backward half's output) is copied into
 * time-major rows first, by {@link Layouts}. With dropout on the layer's input everything is left
 * to DL4J's layer.
 */
final class FastRnnOutputLayer extends RnnOutputLayer {

    /** What one softmax element costs in multiply-adds, for {@link RowSplit}'s size threshold (an exp and a log or two). */
    private static final long SOFTMAX_COST = 40;

    /** The same for the vectorised passes (one-hot loss, inference softmax: an exp is a dozen vector operations for 16 elements). */
    private static final long VECTOR_SOFTMAX_COST = 8;

    /**
     * DL4J's private copy of the regularisation term that {@code computeScore} keeps (read only by
     * the layer's own {@code computeGradientAndScore}); null if it cannot be reached, and then the
     * score is left to DL4J's code.
     */
    private static final java.lang.reflect.Field REGULARIZATION_TERM = regularizationTermField();

    private final transient Scratch scratch = new Scratch();

    /**
     * The score sum the last backpropagation's softmax pass computed, for the {@code computeScore}
     * that DL4J's networks call right after it on the same input, labels and mask and unchanged
     * parameters (its own layer computes the output a second time for it). Used once, and only by a
     * training-mode score; dropped when the input, labels or mask are set again.
     */
    private transient BackpropScore scoreFromBackprop;

    /** A score sum and the arrays it was computed from. */
    private record BackpropScore(INDArray input, INDArray labels, INDArray mask, double sum) {
        boolean isFor(INDArray input, INDArray labels, INDArray mask) {
            return this.input == input && this.labels == labels && this.mask == mask;
        }
    }

    @Override
    public void setInput(INDArray input, LayerWorkspaceMgr workspaceMgr) {
        scoreFromBackprop = null;
        super.setInput(input, workspaceMgr);
    }

    @Override
    public void setLabels(INDArray labels) {
        scoreFromBackprop = null;
        super.setLabels(labels);
    }

    @Override
    public void setMaskArray(INDArray maskArray) {
        scoreFromBackprop = null;
        super.setMaskArray(maskArray);
    }

    private static java.lang.reflect.Field regularizationTermField() {
        try {
            java.lang.reflect.Field field = org.deeplearning4j.nn.layers.BaseOutputLayer.class.getDeclaredField("fullNetRegTerm");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    FastRnnOutputLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** Whether this layer computes the pass itself (else DL4J's code does, unchanged). */
    private boolean computesItself() {
        if (input == null || input.rank() != 3 || layerConf().getIDropout() != null) {
            return false;
        }
        if (input.dataType() != dataType || (dataType != DataType.FLOAT && dataType != DataType.DOUBLE)) {
            return false;
        }
        INDArray w = getParam(DefaultParamInitializer.WEIGHT_KEY);
        INDArray gw = gradientViews == null ? null : gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        return w.ordering() == 'f' && (gw == null || gw.ordering() == 'f');
    }

    private boolean isNwc() {
        return layerConf().getRnnDataFormat() == RNNFormat.NWC;
    }

    private int batch() {
        return (int) input.size(0);
    }

    private int steps() {
        return (int) input.size(isNwc() ? 1 : 2);
    }

    private int features() {
        return (int) input.size(isNwc() ? 2 : 1);
    }

    /** The input as memory holding time-major rows: the input itself when it is such a view, else a copy. */
    private Mem timeMajorInput() {
        if (Layouts.isTimeMajor(input, isNwc())) {
            return Mem.of(input);
        }
        INDArray rows = scratch.array("input", dataType, steps(), batch(), features());
        Layouts.toTimeMajor(input, isNwc(), Mem.of(rows));
        return Mem.of(rows);
    }

    /**
     * {@code X W + b}, rows time-major, in the activations workspace as DL4J's is; masked (as
     * DL4J's pre-output is for the loss) when {@code masked}.
     */
    private INDArray preOutputRows(Mem x, boolean training, boolean masked, LayerWorkspaceMgr workspaceMgr) {
        INDArray w = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, training, workspaceMgr);
        INDArray b = getParamWithNoise(DefaultParamInitializer.BIAS_KEY, training, workspaceMgr);
        int rows = batch() * steps();
        int inputs = features();
        if (w.size(0) != inputs) {
            throw new IllegalStateException("input has " + inputs + " features per step, the layer takes "
                    + w.size(0) + " " + layerId());
        }
        int outputs = (int) w.size(1);
        INDArray z = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, new long[] {rows, outputs}, 'c');
        Mem zm = Mem.of(z);
        if (hasBias()) {
            // every row starts as b, and the product adds onto it (one pass over z fewer than a broadcast add)
            fillRows(zm, rows, outputs, Mem.of(b), b.stride(b.rank() - 1));
        }
        // W is DL4J's 'f'-order [inputs, outputs]: row-major, that is W^T, [outputs, inputs]
        Blas.gemmSplit(false, true, rows, outputs, inputs, 1, x, 0, inputs, Mem.of(w), 0, inputs, hasBias() ? 1 : 0,
                zm, 0, outputs);
        if (masked && maskArray != null) {
            applyMask(z);
        }
        return z;
    }

    /** Each of {@code rows} rows of {@code z} ({@code width} wide, from element 0) set to the vector {@code v} (element stride {@code stride}). */
    private static void fillRows(Mem z, int rows, int width, Mem v, long stride) {
        if (z.floats != null && v.floats != null) {
            float[] row = new float[width];
            for (int j = 0; j < width; j++) {
                row[j] = v.floats.get((int) (j * stride));
            }
            for (int r = 0; r < rows; r++) {
                z.floats.put(r * width, row);
            }
            return;
        }
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < width; j++) {
                z.set((long) r * width + j, v.get(j * stride));
            }
        }
    }

    /**
     * Softmax with DL4J's multi-class cross-entropy, unweighted, masked per step or not: the
     * apps' classifier heads. Computed here row by row in one pass (split between the cores),
     * where DL4J's loss makes several whole-array passes (softmax, clipping, log, products,
     * sums) for the score and again for the gradient, on one thread.
     */
    private boolean fusesSoftmaxCrossEntropy() {
        ILossFunction loss = layerConf().getLossFn();
        return layerConf().getActivationFn() instanceof ActivationSoftmax && loss != null
                && loss.getClass() == LossMCXENT.class && ((LossMCXENT) loss).getWeights() == null
                && (maskArray == null || maskArray.isColumnVectorOrScalar())
                && labels != null && (labels.dataType() == DataType.FLOAT || labels.dataType() == DataType.DOUBLE)
                && (maskArray == null || maskArray.dataType() == DataType.FLOAT || maskArray.dataType() == DataType.DOUBLE);
    }

    /**
     * For rows of pre-activations {@code z} (c order, rows {@code b + batch * t}) against the
     * layer's 3-d labels, read in place: with {@code p = softmax(z)} per row, returns {@code -sum m
     * * y * log(clip(p))} (DL4J's score sum, clipped to {@code [eps, 1 - eps]} as its loss does)
     * and, when {@code delta} is given, writes {@code m * (p - y)} into it (DL4J's gradient) and the
     * column sums of that into {@code biasGradient} when that is given; {@code m} is the row's mask
     * value, 1 without one. One-hot labels (the apps' case: one class per step, padded steps all
     * zeros) are found once and take the vectorised pass ({@link Pointwise#softmaxCrossEntropy}),
     * the bias gradient then summed by one matrix-vector product; other labels the general pass.
     */
    private double softmaxCrossEntropy(INDArray z, INDArray delta, INDArray biasGradient) {
        int rows = (int) z.size(0);
        int outputs = (int) z.size(1);
        int[] labelled = oneHotLabelColumns(rows, outputs);
        if (labelled == null) {
            return softLabelCrossEntropy(z, delta, biasGradient);
        }
        double clip = ((LossMCXENT) layerConf().getLossFn()).getSoftmaxClipEps();
        Pointwise kernels = Pointwise.forType(z.dataType() == DataType.DOUBLE);
        Mem logits = Mem.of(z);
        Mem mask = maskArray == null ? null : Mem.of(maskArray);
        long maskStride = maskArray == null || maskArray.isScalar() ? 0 : maskArray.stride(0);
        Mem d = delta == null ? null : Mem.of(delta);
        double[] halves = new double[2];
        RowSplit.run(rows, (long) outputs * VECTOR_SOFTMAX_COST, (from, to) -> halves[from == 0 ? 0 : 1] =
                kernels.softmaxCrossEntropy(from, to, outputs, logits, labelled, clip, mask, maskStride, d));
        if (d != null && biasGradient != null) {
            columnSums(d, rows, outputs, biasGradient);
        }
        return halves[0] + halves[1];
    }

    /**
     * For each row {@code b + batch * t} of the layer's 3-d labels, the column of its one 1, or -1
     * where the row is all zeros (a padded step); null when some row is anything else (soft
     * labels). One pass over the labels in their memory order.
     */
    private int[] oneHotLabelColumns(int rows, int outputs) {
        Mem y = Mem.of(labels);
        boolean nwc = isNwc();
        int batch = batch();
        int steps = rows / batch;
        long sequenceStride = labels.stride(0);
        long stepStride = labels.stride(nwc ? 1 : 2);
        long columnStride = labels.stride(nwc ? 2 : 1);
        // the inner loop runs along the smaller stride: steps for NCW labels, columns for NWC ones
        boolean stepsInner = stepStride <= columnStride;
        int outer = stepsInner ? outputs : steps;
        int inner = stepsInner ? steps : outputs;
        long outerStride = stepsInner ? columnStride : stepStride;
        long innerStride = stepsInner ? stepStride : columnStride;
        int[] column = new int[rows];
        java.util.Arrays.fill(column, -1);
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < outer; o++) {
                long at = b * sequenceStride + o * outerStride;
                for (int i = 0; i < inner; i++) {
                    double value = y.get(at + i * innerStride);
                    if (value != 0) {
                        int j = stepsInner ? o : i;
                        int r = b + batch * (stepsInner ? i : o);
                        if (value != 1 || column[r] >= 0) {
                            return null;
                        }
                        column[r] = j;
                    }
                }
            }
        }
        return column;
    }

    /**
     * Sums over {@code rows} rows of {@code d} ({@code columns} wide, c order) into {@code target},
     * the bias gradient's view of the layer's flat gradient (contiguous): {@code 1^T d}.
     */
    private void columnSums(Mem d, int rows, int columns, INDArray target) {
        Mem ones = Mem.of(scratch.filled("ones", dataType, 1, rows));
        Blas.gemvTransposed(rows, columns, d, 0, columns, ones, Mem.of(target), 0);
    }

    /** {@link #softmaxCrossEntropy} for labels that are not all one-hot: any values, read in place. */
    private double softLabelCrossEntropy(INDArray z, INDArray delta, INDArray biasGradient) {
        int rows = (int) z.size(0);
        int outputs = (int) z.size(1);
        int batch = batch();
        double clip = ((LossMCXENT) layerConf().getLossFn()).getSoftmaxClipEps();
        Mem logits = Mem.of(z);
        // DL4J's 2-d labels are rows b + batch * t of the 3-d ones: read them where they are
        Mem y = Mem.of(labels);
        boolean nwc = isNwc();
        long ySequence = labels.stride(0);
        long yStep = labels.stride(nwc ? 1 : 2);
        long yColumn = labels.stride(nwc ? 2 : 1);
        Mem mask = maskArray == null ? null : Mem.of(maskArray);
        long maskStride = maskArray == null ? 0 : maskArray.isScalar() ? 0 : maskArray.stride(0);
        Mem d = delta == null ? null : Mem.of(delta);
        double[] halves = new double[2];
        double[][] columnSums = new double[2][];
        boolean sumColumns = d != null && biasGradient != null;
        RowSplit.run(rows, (long) outputs * SOFTMAX_COST, (from, to) -> {
            double[] p = new double[outputs];
            double[] sums = sumColumns ? new double[outputs] : null;
            double sum = 0;
            for (int r = from; r < to; r++) {
                long at = (long) r * outputs;
                long yAt = (r % batch) * ySequence + (r / batch) * yStep;
                double total = ScalarPointwise.exponentials(logits, at, outputs, p);
                double m = mask == null ? 1 : mask.get(r * maskStride);
                double rowScore = 0;
                for (int j = 0; j < outputs; j++) {
                    double probability = p[j] / total;
                    double label = y.get(yAt + j * yColumn);
                    if (label != 0) {
                        rowScore += label * Math.log(ScalarPointwise.clipped(probability, clip));
                    }
                    if (d != null) {
                        double g = m * (probability - label);
                        d.set(at + j, g);
                        if (sums != null) {
                            sums[j] += d.isDouble ? g : (float) g; // the value as stored
                        }
                    }
                }
                sum -= m * rowScore;
            }
            halves[from == 0 ? 0 : 1] = sum;
            columnSums[from == 0 ? 0 : 1] = sums;
        });
        if (sumColumns) {
            Mem gb = Mem.of(biasGradient);
            long stride = biasGradient.stride(biasGradient.rank() - 1);
            for (int j = 0; j < outputs; j++) {
                double total = columnSums[0][j] + (columnSums[1] == null ? 0 : columnSums[1][j]);
                gb.set(j * stride, total);
            }
        }
        return halves[0] + halves[1];
    }

    /** That the labels are the 3-d sequences of the input's steps (DL4J's layer checks this). */
    private void checkLabels() {
        Preconditions.checkState(labels != null && labels.rank() == 3, "Expected rank 3 labels array, got %s",
                labels == null ? "none" : Arrays.toString(labels.shape()));
        Preconditions.checkState(labels.size(isNwc() ? 1 : 2) == steps() && labels.size(0) == batch(),
                "Sequence lengths do not match for RnnOutputLayer input and labels: input=%s vs. labels=%s",
                Arrays.toString(input.shape()), Arrays.toString(labels.shape()));
    }

    @Override
    public double computeScore(double fullNetRegTerm, boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (!computesItself() || !fusesSoftmaxCrossEntropy() || REGULARIZATION_TERM == null) {
            return super.computeScore(fullNetRegTerm, training, workspaceMgr);
        }
        assertInputSet(false);
        checkLabels();
        double total;
        if (training && scoreFromBackprop != null && scoreFromBackprop.isFor(input, labels, maskArray)) {
            total = scoreFromBackprop.sum;
        } else {
            INDArray z = preOutputRows(timeMajorInput(), training, true, workspaceMgr);
            total = softmaxCrossEntropy(z, null, null);
        }
        scoreFromBackprop = null;
        if (conf().isMiniBatch()) {
            total /= getInputMiniBatchSize();
        }
        total += fullNetRegTerm;
        try {
            REGULARIZATION_TERM.setDouble(this, fullNetRegTerm);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot keep the regularisation term " + layerId(), e);
        }
        this.score = total;
        return total;
    }

    @Override
    protected INDArray preOutput2d(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (!computesItself()) {
            return super.preOutput2d(training, workspaceMgr);
        }
        assertInputSet(false);
        return preOutputRows(timeMajorInput(), training, true, workspaceMgr);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (!computesItself()) {
            return super.activate(training, workspaceMgr);
        }
        assertInputSet(false);
        INDArray z = preOutputRows(timeMajorInput(), training, false, workspaceMgr);
        INDArray activated;
        if (layerConf().getActivationFn() instanceof ActivationSoftmax) {
            // in place, one vectorised pass per row (ND4J's softmax op makes several over all rows)
            int rows = (int) z.size(0);
            int outputs = (int) z.size(1);
            Pointwise kernels = Pointwise.forType(z.dataType() == DataType.DOUBLE);
            Mem logits = Mem.of(z);
            RowSplit.run(rows, (long) outputs * VECTOR_SOFTMAX_COST, (from, to) -> kernels.softmax(from, to, outputs, logits));
            activated = z;
        } else {
            activated = layerConf().getActivationFn().getActivation(z, training);
        }
        if (maskArray != null) {
            // as DL4J's layer: masked steps (or outputs) of the activations read zero
            applyMask(activated);
        }
        // DL4J's layout with standard strides: what a network's caller receives
        boolean nwc = isNwc();
        long outputs = activated.size(1);
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                nwc ? new long[] {batch(), steps(), outputs} : new long[] {batch(), outputs, steps()}, 'c');
        Layouts.fromTimeMajor(Mem.of(activated), out, nwc);
        // outside a workspace (inference) the time-major rows are this call's own: freed now, not at a collection
        OffHeap.free(z, activated);
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (!computesItself()) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        assertInputSet(true);
        boolean nwc = isNwc();
        checkLabels();
        int batch = batch();
        int steps = steps();
        int inputs = features();
        int rows = batch * steps;

        Mem x = timeMajorInput();
        INDArray z = preOutputRows(x, true, true, workspaceMgr);
        INDArray delta;
        INDArray biasGradient = hasBias() ? gradientViews.get(DefaultParamInitializer.BIAS_KEY) : null;
        boolean biasSummed = false;
        if (fusesSoftmaxCrossEntropy()) {
            delta = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType, z.shape(), 'c');
            double sum = softmaxCrossEntropy(z, delta, biasGradient);
            if (layerConf().getWeightNoise() == null) {
                scoreFromBackprop = new BackpropScore(input, labels, maskArray, sum);
            }
            biasSummed = true;
        } else {
            INDArray labels2d = getLabels2d(workspaceMgr, ArrayType.BP_WORKING_MEM);
            delta = layerConf().getLossFn().computeGradient(labels2d, z, layerConf().getActivationFn(), maskArray);
            if (delta.ordering() != 'c' || delta.isView()) {
                delta = delta.dup('c');
            }
        }
        int outputs = (int) delta.size(1);
        Mem dz = Mem.of(delta);

        Gradient gradient = new DefaultGradient();
        INDArray weightGradient = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        // dW^T = dZ^T X, into the 'f'-order [inputs, outputs] view (row-major [outputs, inputs])
        Blas.gemmSplit(true, false, outputs, inputs, rows, 1, dz, 0, outputs, x, 0, inputs, 0,
                Mem.of(weightGradient), 0, inputs);
        gradient.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGradient);
        if (hasBias()) {
            if (!biasSummed) {
                delta.sum(biasGradient, 0);
            }
            gradient.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGradient);
        }

        // dX = dZ W^T, time-major rows, handed back as a view in the layer's layout
        INDArray w = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, true, workspaceMgr);
        INDArray dInput = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType,
                new long[] {steps, batch, inputs}, 'c');
        Blas.gemmSplit(false, false, rows, inputs, outputs, 1, dz, 0, outputs, Mem.of(w), 0, inputs, 0,
                Mem.of(dInput), 0, inputs);
        weightNoiseParams.clear();
        return new Pair<>(gradient, Layouts.inLayerLayout(dInput, nwc));
    }
}
