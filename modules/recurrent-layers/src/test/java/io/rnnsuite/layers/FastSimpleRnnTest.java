package io.rnnsuite.layers;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.constraint.MaxNormConstraint;
import org.deeplearning4j.nn.conf.constraint.UnitNormConstraint;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.conf.weightnoise.DropConnect;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;

class FastSimpleRnnTest extends FastLayerContract {

    @Override
    BaseRecurrentLayer stockLayer(int nIn, int nOut, RNNFormat format) {
        return new SimpleRnn.Builder().nIn(nIn).nOut(nOut).activation(Activation.TANH).dataFormat(format).build();
    }

    @Override
    BaseRecurrentLayer fastLayer(int nIn, int nOut, RNNFormat format) {
        return new FastSimpleRnn.Builder().nIn(nIn).nOut(nOut).dataFormat(format).build();
    }

    /** Every setting SimpleRnn.Builder has, away from its default (layer normalisation aside: refused). */
    private static SimpleRnn.Builder everySetting(SimpleRnn.Builder builder) {
        return builder.nIn(3).nOut(5).name("encoder").activation(Activation.TANH)
                .weightInit(WeightInit.UNIFORM).weightInitRecurrent(WeightInit.XAVIER_UNIFORM)
                .biasInit(0.25).gainInit(0.5).dropOut(0.8).weightNoise(new DropConnect(0.9))
                .l1(1e-4).l2(1e-3).l1Bias(1e-5).l2Bias(1e-6)
                .updater(new Adam(0.01)).biasUpdater(new Sgd(0.1))
                .gradientNormalization(GradientNormalization.ClipL2PerLayer).gradientNormalizationThreshold(2.0)
                .constrainWeights(new MaxNormConstraint(2.0, 1)).constrainRecurrent(new UnitNormConstraint(1))
                .constrainBias(new MaxNormConstraint(3.0, 1))
                .dataFormat(RNNFormat.NWC);
    }

    @Test
    void theBuilderConfiguresEverySettingAsDl4jsBuilderDoes() {
        SimpleRnn stock = everySetting(new SimpleRnn.Builder()).build();
        SimpleRnn fast = everySetting(new FastSimpleRnn.Builder()).build();
        assertInstanceOf(FastSimpleRnn.class, fast);
        SameSettings.assertSameSettingsExceptClass(stock, fast);
        SameSettings.assertSameSettingsExceptClass(stock, FastSimpleRnn.of(stock));
    }

    @Test
    void refusesWhatTheKernelsDoNotCompute() {
        SimpleRnn relu = new SimpleRnn.Builder().nIn(2).nOut(3).activation(Activation.RELU).build();
        assertThrows(IllegalArgumentException.class, () -> FastSimpleRnn.of(relu));
        SimpleRnn layerNorm = new SimpleRnn.Builder().nIn(2).nOut(3).activation(Activation.TANH).hasLayerNorm(true).build();
        assertThrows(IllegalArgumentException.class, () -> FastSimpleRnn.of(layerNorm));
        assertThrows(IllegalArgumentException.class,
                () -> new FastSimpleRnn.Builder().nIn(2).nOut(3).activation(Activation.RELU).build());
        assertThrows(IllegalArgumentException.class,
                () -> new FastSimpleRnn.Builder().nIn(2).nOut(3).hasLayerNorm(true).build());
    }
}
