package io.rnnsuite.layers;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;

class FastSimpleRnnTest extends FastLayerContract {

    @Override
    BaseRecurrentLayer stockLayer(int nIn, int nOut, RNNFormat format) {
        return new SimpleRnn.Builder().nIn(nIn).nOut(nOut).activation(Activation.TANH).dataFormat(format).build();
    }

    @Override
    BaseRecurrentLayer fastLayer(int nIn, int nOut, RNNFormat format) {
        return FastSimpleRnn.of((SimpleRnn) stockLayer(nIn, nOut, format));
    }

    @Test
    void refusesWhatTheKernelsDoNotCompute() {
        SimpleRnn relu = new SimpleRnn.Builder().nIn(2).nOut(3).activation(Activation.RELU).build();
        assertThrows(IllegalArgumentException.class, () -> FastSimpleRnn.of(relu));
        SimpleRnn layerNorm = new SimpleRnn.Builder().nIn(2).nOut(3).activation(Activation.TANH).hasLayerNorm(true).build();
        assertThrows(IllegalArgumentException.class, () -> FastSimpleRnn.of(layerNorm));
    }
}
