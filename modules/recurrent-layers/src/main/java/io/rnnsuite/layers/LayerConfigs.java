package io.rnnsuite.layers;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;

/** Helpers for the configuration classes of the fast layers. */
final class LayerConfigs {

    private LayerConfigs() {
    }

    /**
     * Copies the settings of a built stock recurrent layer configuration into a fast one through
     * DL4J's public setters: what {@code Layer}, {@code BaseLayer}, {@code FeedForwardLayer} and
     * {@code BaseRecurrentLayer} hold (name, dropout, constraints, activation, initialisation,
     * regularisation, updaters, weight noise, gradient normalisation, sizes, data formats).
     *
     * <p>Only {@link FastLstm} needs this (DL4J's {@code LSTM(Builder)} constructor is private;
     * {@link FastSimpleRnn.Builder} goes through {@code SimpleRnn}'s protected one), plus the
     * {@code of(stock)} conversions. A setting DL4J adds in a later version would be missed here,
     * so {@code StockLayerFieldsTest} lists the fields of those classes and fails when they change.
     * Shared references are fine: callers pass a fresh or cloned configuration.
     */
    static <T extends BaseRecurrentLayer> T copyRecurrentSettings(BaseRecurrentLayer from, T to) {
        copyFeedForwardSettings(from, to);
        // BaseRecurrentLayer
        to.setWeightInitFnRecurrent(from.getWeightInitFnRecurrent());
        to.setRnnDataFormat(from.getRnnDataFormat());
        return to;
    }

    /**
     * What {@code Layer}, {@code BaseLayer} and {@code FeedForwardLayer} hold, copied as in
     * {@link #copyRecurrentSettings} (also for {@link FastRnnOutput}).
     */
    static <T extends FeedForwardLayer> T copyFeedForwardSettings(FeedForwardLayer from, T to) {
        // org.deeplearning4j.nn.conf.layers.Layer
        to.setLayerName(from.getLayerName());
        to.setIDropout(from.getIDropout());
        to.setConstraints(from.getConstraints());
        // BaseLayer
        to.setActivationFn(from.getActivationFn());
        to.setWeightInitFn(from.getWeightInitFn());
        to.setBiasInit(from.getBiasInit());
        to.setGainInit(from.getGainInit());
        to.setRegularization(from.getRegularization());
        to.setRegularizationBias(from.getRegularizationBias());
        to.setIUpdater(from.getIUpdater());
        to.setBiasUpdater(from.getBiasUpdater());
        to.setWeightNoise(from.getWeightNoise());
        to.setGradientNormalization(from.getGradientNormalization());
        to.setGradientNormalizationThreshold(from.getGradientNormalizationThreshold());
        // FeedForwardLayer
        to.setNIn(from.getNIn());
        to.setNOut(from.getNOut());
        to.setTimeDistributedFormat(from.getTimeDistributedFormat());
        return to;
    }

    /**
     * The wiring DL4J expects from {@code Layer.instantiate}: listeners, index, the parameter view
     * and the parameter table from the configuration's initializer.
     */
    static <L extends org.deeplearning4j.nn.layers.BaseLayer<?>> L wire(L layer, ParamInitializer initializer, NeuralNetConfiguration conf,
                                                   Collection<TrainingListener> trainingListeners, int layerIndex,
                                                   INDArray layerParamsView, boolean initializeParams) {
        layer.setListeners(trainingListeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> paramTable = initializer.init(conf, layerParamsView, initializeParams);
        layer.setParamTable(paramTable);
        layer.setConf(conf);
        return layer;
    }

    /** Fails unless the activation is tanh, the only cell activation the fused kernels compute. */
    static void requireTanh(IActivation activation, String what) {
        if (!(activation instanceof ActivationTanH)) {
            throw new IllegalArgumentException(what + " must be tanh for the fast layers, got " + activation
                    + " (DL4J's stock layer, --impl stock in the rnn-suite apps, computes other activations)");
        }
    }

    /** Fails unless the gate activation is the logistic sigmoid. */
    static void requireSigmoid(IActivation activation, String what) {
        if (!(activation instanceof ActivationSigmoid)) {
            throw new IllegalArgumentException(what + " must be sigmoid for the fast layers, got " + activation
                    + " (DL4J's stock layer, --impl stock in the rnn-suite apps, computes other gate activations)");
        }
    }
}
