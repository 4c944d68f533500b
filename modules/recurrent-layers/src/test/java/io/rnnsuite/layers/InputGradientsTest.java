package io.rnnsuite.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A first layer with its input gradient switched off: the same parameter gradients to the bit,
 * no input gradient, and the switch survives saving the configuration.
 */
class InputGradientsTest {

    private static final int IN = 5;
    private static final int HIDDEN = 7;

    @Test
    void lstmSimpleRnnAndGruGiveTheSameParameterGradientsWithoutAnInputGradient() {
        assertSameParameterGradients(() -> new FastLstm.Builder().nIn(IN).nOut(HIDDEN).build(), HIDDEN);
        assertSameParameterGradients(() -> new FastSimpleRnn.Builder().nIn(IN).nOut(HIDDEN).build(), HIDDEN);
        assertSameParameterGradients(() -> new Gru.Builder().nIn(IN).nOut(HIDDEN).build(), HIDDEN);
        assertSameParameterGradients(() -> new FastBidirectional(new FastLstm.Builder().nIn(IN).nOut(HIDDEN).build()),
                2 * HIDDEN);
    }

    @Test
    void reachesThroughWrappersAndLeavesStockLayersAlone() {
        FastLstm inner = (FastLstm) new FastLstm.Builder().nIn(IN).nOut(HIDDEN).build();
        assertTrue(InputGradients.skipFor(new LastTimeStep(inner)));
        assertFalse(inner.isInputGradient());
        assertFalse(InputGradients.skipFor(new LSTM.Builder().nIn(IN).nOut(HIDDEN).build()), "stock LSTM: nothing to switch");
    }

    @Test
    void theSwitchIsSavedWithTheConfiguration() {
        Layer layer = new FastLstm.Builder().nIn(IN).nOut(HIDDEN).build();
        InputGradients.skipFor(layer);
        MultiLayerConfiguration conf = FastLayerContract.network(layer, DataType.FLOAT, RNNFormat.NCW, HIDDEN)
                .getLayerWiseConfigurations();
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
        assertFalse(((FastLstm) back.getConf(0).getLayer()).isInputGradient(), conf.toJson());
        MultiLayerConfiguration fresh = FastLayerContract.network(new FastLstm.Builder().nIn(IN).nOut(HIDDEN).build(),
                DataType.FLOAT, RNNFormat.NCW, HIDDEN).getLayerWiseConfigurations();
        assertTrue(((FastLstm) MultiLayerConfiguration.fromJson(fresh.toJson()).getConf(0).getLayer()).isInputGradient());
    }

    private static void assertSameParameterGradients(Supplier<Layer> layer, int outIn) {
        Nd4j.getRandom().setSeed(11);
        INDArray features = Nd4j.randn(DataType.FLOAT, FastLayerContract.BATCH, IN, FastLayerContract.STEPS);
        INDArray labels = Nd4j.randn(DataType.FLOAT, FastLayerContract.BATCH, FastLayerContract.OUT, FastLayerContract.STEPS);

        MultiLayerNetwork full = FastLayerContract.network(layer.get(), DataType.FLOAT, RNNFormat.NCW, outIn);
        Layer switched = layer.get();
        assertTrue(InputGradients.skipFor(switched));
        MultiLayerNetwork skipping = FastLayerContract.network(switched, DataType.FLOAT, RNNFormat.NCW, outIn);
        skipping.setParams(full.params().dup());

        Pair<Gradient, INDArray> withInput = full.calculateGradients(features, labels, null, null);
        Pair<Gradient, INDArray> without = skipping.calculateGradients(features, labels, null, null);
        String name = switched.getClass().getSimpleName();
        assertNotNull(withInput.getSecond(), name + ": the default layer returns the input gradient");
        assertNull(without.getSecond(), name + ": no input gradient when switched off");
        assertArrayEquals(withInput.getFirst().gradient().dup().toFloatVector(),
                without.getFirst().gradient().dup().toFloatVector(), 0f, name + ": parameter gradients");

        // a training step through fit() goes the same way
        full.fit(features, labels);
        skipping.fit(features, labels);
        assertArrayEquals(full.params().toFloatVector(), skipping.params().toFloatVector(), 0f, name + ": after fit");
        org.deeplearning4j.nn.api.Layer first = skipping.getLayer(0);
        first.setInput(features, LayerWorkspaceMgr.noWorkspaces());
        first.activate(true, LayerWorkspaceMgr.noWorkspaces());
        assertNull(first.backpropGradient(
                Nd4j.ones(DataType.FLOAT, FastLayerContract.BATCH, outIn, FastLayerContract.STEPS),
                LayerWorkspaceMgr.noWorkspaces()).getSecond(), name + ": backpropGradient itself");
    }
}
