package io.rnnsuite.layers;

import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.recurrent.BidirectionalLayer;
import org.deeplearning4j.nn.params.BidirectionalParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.TimeSeriesUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The layer of {@link MaskedBidirectional}: the forward half sees the input and the mask as they
 * are; on a padded batch the backward half gets a copy of the input with each sequence's steps in
 * {@link StepOrder#backwardsWithin} order (its real steps last first, then its padding) and the
 * mask in that order, and its output and input gradient are put back in the sequence's own order.
 * A batch without padding runs DL4J's {@link BidirectionalLayer} code unchanged, as do parameters,
 * gradient views and updater settings.
 */
final class MaskedBidirectionalLayer extends BidirectionalLayer {

    private final Layer forward;
    private final Layer backward;
    private final boolean nwc;
    private INDArray input;
    /** The network's feature mask as the network gave it (null: every step is real). */
    private INDArray mask;
    /** The order the backward half read the last forward pass in (its backpropagation uses it too). */
    private StepOrder order;

    MaskedBidirectionalLayer(NeuralNetConfiguration conf, Layer forward, Layer backward, INDArray paramsView) {
        super(conf, forward, backward, paramsView);
        this.forward = forward;
        this.backward = backward;
        this.nwc = TimeSeriesUtils.getFormatFromRnnLayer(((Bidirectional) conf.getLayer()).getFwd()) == RNNFormat.NWC;
    }

    @Override
    public void setInput(INDArray input, LayerWorkspaceMgr workspaceMgr) {
        // DL4J's: the backward half gets the whole axis reversed; on a padded batch activate()
        // replaces that with the per-sequence order, once the mask is known
        this.input = input;
        super.setInput(input, workspaceMgr);
    }

    @Override
    public INDArray input() {
        return input;
    }

    @Override
    public void clear() {
        super.clear();
        input = null;
        mask = null;
        order = null;
    }

    @Override
    public void setMaskArray(INDArray maskArray) {
        this.mask = maskArray;
        forward.setMaskArray(maskArray);
        backward.setMaskArray(backwardMask(maskArray));
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState,
                                                          int minibatchSize) {
        this.mask = maskArray;
        backward.feedForwardMaskArray(backwardMask(maskArray), currentMaskState, minibatchSize);
        return forward.feedForwardMaskArray(maskArray, currentMaskState, minibatchSize);
    }

    /** {@code maskArray} in the order the backward half reads the steps. */
    private static INDArray backwardMask(INDArray maskArray) {
        if (maskArray == null) {
            return null;
        }
        int batch = (int) maskArray.size(0);
        int steps = (int) maskArray.size(maskArray.rank() - 1);
        return StepOrder.backwardsWithin(maskArray, batch, steps).reorderMask(maskArray, batch);
    }

    private int featureDimension() {
        return nwc ? 2 : 1;
    }

    @Override
    public INDArray activate(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        setInput(input, workspaceMgr);
        return activate(training, workspaceMgr);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (input == null || input.rank() != 3) {
            throw new IllegalStateException("a bidirectional layer needs 3-d input, got "
                    + (input == null ? "none" : java.util.Arrays.toString(input.shape())));
        }
        int batch = (int) input.size(0);
        int steps = (int) input.size(nwc ? 1 : 2);
        order = StepOrder.backwardsWithin(mask, batch, steps);
        if (order.uniform()) {
            return super.activate(training, workspaceMgr);
        }
        // detached: the backward half keeps it as its input until backpropagation
        INDArray reordered = Nd4j.createUninitializedDetached(input.dataType(), input.shape());
        Layouts.reorder(input, reordered, nwc, order, false);
        backward.setInput(reordered, workspaceMgr);

        INDArray forwardOut = forward.activate(training, workspaceMgr);
        INDArray backwardRead = backward.activate(training, workspaceMgr);
        if (backwardRead.rank() != 3) {
            throw new IllegalStateException("MaskedBidirectional wraps layers that output sequences, got shape "
                    + java.util.Arrays.toString(backwardRead.shape()));
        }
        INDArray backwardOut = workspaceMgr.createUninitialized(ArrayType.FF_WORKING_MEM, backwardRead.dataType(),
                backwardRead.shape(), 'c');
        Layouts.reorder(backwardRead, backwardOut, nwc, order, true);
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, Nd4j.concat(featureDimension(), forwardOut, backwardOut));
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        int dimension = featureDimension();
        long half = epsilon.size(dimension) / 2;
        StepOrder read = order != null ? order
                : StepOrder.backwardsWithin(mask, (int) epsilon.size(0), (int) epsilon.size(nwc ? 1 : 2));
        if (read.uniform()) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        INDArray forwardEpsilon = epsilon.get(halfOf(dimension, 0, half));
        INDArray backwardHalf = epsilon.get(halfOf(dimension, half, 2 * half));
        INDArray backwardEpsilon = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, epsilon.dataType(),
                backwardHalf.shape(), 'c');
        Layouts.reorder(backwardHalf, backwardEpsilon, nwc, read, false);

        Pair<Gradient, INDArray> forwardGradient = forward.backpropGradient(forwardEpsilon, workspaceMgr);
        Pair<Gradient, INDArray> backwardGradient = backward.backpropGradient(backwardEpsilon, workspaceMgr);

        Gradient gradient = new DefaultGradient(getGradientsViewArray());
        for (Map.Entry<String, INDArray> e : forwardGradient.getFirst().gradientForVariable().entrySet()) {
            gradient.gradientForVariable().put(BidirectionalParamInitializer.FORWARD_PREFIX + e.getKey(), e.getValue());
        }
        for (Map.Entry<String, INDArray> e : backwardGradient.getFirst().gradientForVariable().entrySet()) {
            gradient.gradientForVariable().put(BidirectionalParamInitializer.BACKWARD_PREFIX + e.getKey(), e.getValue());
        }
        INDArray backwardInputGradient = backwardGradient.getSecond();
        if (backwardInputGradient == null || forwardGradient.getSecond() == null) {
            return new Pair<>(gradient, null); // switched off for a network's first layer (InputGradients)
        }
        INDArray inOwnOrder = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, backwardInputGradient.dataType(),
                backwardInputGradient.shape(), 'c');
        Layouts.reorder(backwardInputGradient, inOwnOrder, nwc, read, true);
        return new Pair<>(gradient, forwardGradient.getSecond().addi(inOwnOrder));
    }

    private static INDArrayIndex[] halfOf(int dimension, long from, long to) {
        INDArrayIndex[] index = {NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all()};
        index[dimension] = NDArrayIndex.interval(from, to);
        return index;
    }
}
