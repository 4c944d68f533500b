package io.rnnsuite.layers;

import java.util.Map;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.recurrent.BidirectionalLayer;
import org.deeplearning4j.nn.params.BidirectionalParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.TimeSeriesUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The layer of {@link FastBidirectional}: both directions see the input and the mask as they are;
 * the backward one runs over time in reverse by itself ({@link FastRecurrentLayer#readBackwards()}),
 * each sequence from its own last real step when the network has a feature mask
 * ({@link StepOrder#backwardsWithin}), so that a sequence padded in a batch gets the outputs it
 * gets alone. Everything else (parameters, gradient views, updater settings) is DL4J's
 * {@link BidirectionalLayer}.
 */
final class FastBidirectionalLayer extends BidirectionalLayer {

    private final FastRecurrentLayer forward;
    private final FastRecurrentLayer backward;
    private INDArray input;

    FastBidirectionalLayer(NeuralNetConfiguration conf, FastRecurrentLayer forward, FastRecurrentLayer backward,
                           INDArray paramsView) {
        super(conf, forward, backward, paramsView);
        this.forward = forward;
        this.backward = backward;
        backward.readBackwards();
    }

    /** The half that reads the sequence first step first. */
    FastRecurrentLayer forwardLayer() {
        return forward;
    }

    /** The half that reads it last step first. */
    FastRecurrentLayer backwardLayer() {
        return backward;
    }

    private int featureDimension() {
        return TimeSeriesUtils.getFormatFromRnnLayer(forward.layerConf()) == RNNFormat.NWC ? 2 : 1;
    }

    @Override
    public void setInput(INDArray input, LayerWorkspaceMgr workspaceMgr) {
        this.input = input;
        forward.setInput(input, workspaceMgr);
        backward.setInput(input, workspaceMgr);
    }

    @Override
    public INDArray input() {
        return input;
    }

    @Override
    public void clear() {
        super.clear();
        input = null;
    }

    @Override
    public void setMaskArray(INDArray maskArray) {
        forward.setMaskArray(maskArray);
        backward.setMaskArray(maskArray);
        backward.setSequenceMask(maskArray);
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState,
                                                          int minibatchSize) {
        // both halves get the mask as it is (DL4J's wrapper reverses it for its backward half); the
        // backward one also learns from it where each sequence ends, even where its cell keeps no mask
        backward.setSequenceMask(maskArray);
        backward.feedForwardMaskArray(maskArray, currentMaskState, minibatchSize);
        return forward.feedForwardMaskArray(maskArray, currentMaskState, minibatchSize);
    }

    @Override
    public INDArray activate(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        setInput(input, workspaceMgr);
        return activate(training, workspaceMgr);
    }

    /**
     * Both halves' outputs side by side (forward first, as DL4J's CONCAT), written straight into
     * one time-major buffer and handed on as a view of it in the layer's layout, like a forward
     * fast layer's own output ({@link Layouts#timeMajorView}).
     */
    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (input == null || input.rank() != 3) {
            throw new IllegalStateException("a recurrent layer needs 3-d input [batch, features, time] (or [batch, time, "
                    + "features] for NWC), got " + (input == null ? "none" : java.util.Arrays.toString(input.shape()))
                    + " (layer " + getIndex() + ")");
        }
        boolean nwc = featureDimension() == 2;
        long batch = input.size(0);
        long steps = input.size(nwc ? 1 : 2);
        int hidden = forward.hiddenSize();
        INDArray timeMajor = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, forward.computeType(),
                new long[] {steps, batch, 2L * hidden}, 'c');
        forward.activateInto(training, workspaceMgr, timeMajor, 0);
        backward.activateInto(training, workspaceMgr, timeMajor, hidden);
        return Layouts.inLayerLayout(timeMajor, nwc);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        int dimension = featureDimension();
        long half = epsilon.size(dimension) / 2;
        Pair<Gradient, INDArray> forwardGradient = forward.backpropGradient(
                epsilon.get(halfOf(dimension, 0, half)), workspaceMgr);
        Pair<Gradient, INDArray> backwardGradient = backward.backpropGradient(
                epsilon.get(halfOf(dimension, half, 2 * half)), workspaceMgr);

        Gradient gradient = new DefaultGradient(getGradientsViewArray());
        for (Map.Entry<String, INDArray> e : forwardGradient.getFirst().gradientForVariable().entrySet()) {
            gradient.gradientForVariable().put(BidirectionalParamInitializer.FORWARD_PREFIX + e.getKey(), e.getValue());
        }
        for (Map.Entry<String, INDArray> e : backwardGradient.getFirst().gradientForVariable().entrySet()) {
            gradient.gradientForVariable().put(BidirectionalParamInitializer.BACKWARD_PREFIX + e.getKey(), e.getValue());
        }
        if (forwardGradient.getSecond() == null || backwardGradient.getSecond() == null) {
            return new Pair<>(gradient, null); // switched off for a network's first layer (InputGradients)
        }
        return new Pair<>(gradient, forwardGradient.getSecond().addi(backwardGradient.getSecond()));
    }

    private static INDArrayIndex[] halfOf(int dimension, long from, long to) {
        INDArrayIndex[] index = {NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all()};
        index[dimension] = NDArrayIndex.interval(from, to);
        return index;
    }
}
