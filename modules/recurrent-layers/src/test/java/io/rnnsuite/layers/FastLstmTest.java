package io.rnnsuite.layers;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;

class FastLstmTest extends FastLayerContract {

    @Override
    BaseRecurrentLayer stockLayer(int nIn, int nOut, RNNFormat format) {
        return new LSTM.Builder().nIn(nIn).nOut(nOut).activation(Activation.TANH).dataFormat(format).build();
    }

    @Override
    BaseRecurrentLayer fastLayer(int nIn, int nOut, RNNFormat format) {
        return FastLstm.of((LSTM) stockLayer(nIn, nOut, format));
    }

    @Test
    void refusesActivationsTheKernelsDoNotCompute() {
        LSTM relu = new LSTM.Builder().nIn(2).nOut(3).activation(Activation.RELU).build();
        assertThrows(IllegalArgumentException.class, () -> FastLstm.of(relu));
        LSTM hardSigmoidGates = new LSTM.Builder().nIn(2).nOut(3).activation(Activation.TANH)
                .gateActivationFunction(Activation.HARDSIGMOID).build();
        assertThrows(IllegalArgumentException.class, () -> FastLstm.of(hardSigmoidGates));
    }
}
