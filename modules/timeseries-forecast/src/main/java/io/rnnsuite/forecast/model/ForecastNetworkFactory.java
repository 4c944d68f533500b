package io.rnnsuite.forecast.model;

import io.rnnsuite.common.RecurrentLayerFactory;
import io.rnnsuite.forecast.ForecastConfig;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The forecasting network: the common recurrent stack over the input window, reduced to one
 * vector (last step or pooling), then a linear layer emitting all H future values at once
 * (direct multi-step, mean squared error).
 */
public final class ForecastNetworkFactory {

    private ForecastNetworkFactory() {
    }

    /** A fresh, initialised network for a resolved config and {@code inputColumns} input columns. */
    public static MultiLayerNetwork create(ForecastConfig config, int inputColumns) {
        NeuralNetConfiguration.ListBuilder list = RecurrentLayerFactory
                .baseConfiguration(config.training().seed(), config.training().learningRate(), config.training().clipNorm())
                .list();
        for (Layer layer : RecurrentLayerFactory.onNetworkInput(
                RecurrentLayerFactory.sequenceToVectorLayers(config.recurrent(), inputColumns, config.pooling()))) {
            list.layer(layer);
        }
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                .activation(Activation.IDENTITY)
                .nIn(config.recurrent().outputSize())
                .nOut(config.horizon())
                .build());
        list.setInputType(InputType.recurrent(inputColumns, config.lookback()));
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }
}
