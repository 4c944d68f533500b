package io.rnnsuite.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import io.rnnsuite.layers.FastLstm;
import io.rnnsuite.layers.FastSimpleRnn;
import io.rnnsuite.layers.Gru;
import io.rnnsuite.layers.MaskedBidirectional;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class RecurrentLayerFactoryTest {

    @Test
    void oneFlagSwitchesTheCell() {
        assertInstanceOf(SimpleRnn.class, RecurrentLayerFactory.sequenceLayers(
                new RecurrentSpec(CellType.SIMPLE_RNN, 4, 1, false, 0), 3).get(0));
        assertInstanceOf(LSTM.class, RecurrentLayerFactory.sequenceLayers(
                new RecurrentSpec(CellType.LSTM, 4, 1, false, 0), 3).get(0));
        Layer bi = RecurrentLayerFactory.sequenceLayers(new RecurrentSpec(CellType.LSTM, 4, 1, true, 0), 3).get(0);
        assertInstanceOf(Bidirectional.class, bi);
    }

    @Test
    void stackedBidirectionalLayersChainTheirWidths() {
        List<Layer> layers = RecurrentLayerFactory.sequenceLayers(new RecurrentSpec(CellType.LSTM, 5, 3, true, 0.2), 7);
        assertEquals(3, layers.size());
        assertEquals(7, ((LSTM) ((Bidirectional) layers.get(0)).getFwd()).getNIn());
        assertEquals(10, ((LSTM) ((Bidirectional) layers.get(1)).getFwd()).getNIn());
        assertEquals(10, ((LSTM) ((Bidirectional) layers.get(2)).getFwd()).getNIn());
    }

    @Test
    void manyToOneEndsInOneVectorPerSequence() {
        RecurrentSpec spec = new RecurrentSpec(CellType.LSTM, 6, 2, false, 0);
        List<Layer> last = RecurrentLayerFactory.sequenceToVectorLayers(spec, 3, SequencePooling.LAST);
        assertEquals(2, last.size());
        assertInstanceOf(LastTimeStep.class, last.get(1));
        List<Layer> mean = RecurrentLayerFactory.sequenceToVectorLayers(spec, 3, SequencePooling.MEAN);
        assertEquals(3, mean.size());
        assertInstanceOf(GlobalPoolingLayer.class, mean.get(2));

        for (SequencePooling pooling : SequencePooling.values()) {
            for (boolean bidirectional : new boolean[] {false, true}) {
                RecurrentSpec s = new RecurrentSpec(CellType.SIMPLE_RNN, 6, 1, bidirectional, 0);
                NeuralNetConfiguration.ListBuilder list = RecurrentLayerFactory.baseConfiguration(1, 0.01, 1.0).list();
                RecurrentLayerFactory.sequenceToVectorLayers(s, 3, pooling).forEach(list::layer);
                list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nIn(s.outputSize()).nOut(2).build());
                list.setInputType(InputType.recurrent(3));
                MultiLayerNetwork net = new MultiLayerNetwork(list.build());
                net.init();
                INDArray out = net.output(Nd4j.rand(new int[] {4, 3, 9}));
                assertArrayEquals(new long[] {4, 2}, out.shape(), pooling + " bi=" + bidirectional);
            }
        }
    }

    @Test
    void fastIsTheDefaultAndStockGivesDl4jsOwnClasses() {
        RecurrentSpec rnn = new RecurrentSpec(CellType.SIMPLE_RNN, 4, 1, false, 0);
        RecurrentSpec lstm = new RecurrentSpec(CellType.LSTM, 4, 1, false, 0);
        assertInstanceOf(FastSimpleRnn.class, RecurrentLayerFactory.sequenceLayers(rnn, 3).get(0));
        assertInstanceOf(FastLstm.class, RecurrentLayerFactory.sequenceLayers(lstm, 3).get(0));
        assertInstanceOf(Gru.class, RecurrentLayerFactory.sequenceLayers(new RecurrentSpec(CellType.GRU, 4, 1, false, 0), 3).get(0));
        assertEquals(SimpleRnn.class,
                RecurrentLayerFactory.sequenceLayers(rnn.withImpl(RecurrentImpl.STOCK), 3).get(0).getClass());
        assertEquals(LSTM.class,
                RecurrentLayerFactory.sequenceLayers(lstm.withImpl(RecurrentImpl.STOCK), 3).get(0).getClass());
        Layer stockBi = RecurrentLayerFactory.sequenceLayers(
                new RecurrentSpec(CellType.SIMPLE_RNN, 4, 1, true, 0, RecurrentImpl.STOCK), 3).get(0);
        assertEquals(SimpleRnn.class, ((Bidirectional) stockBi).getFwd().getClass());
        // DL4J's wrapper, reading each padded sequence backwards from its own last real step
        assertEquals(MaskedBidirectional.class, stockBi.getClass());
    }

    @Test
    void everyCellDropsTheInputOfLaterLayersOnly() {
        for (CellType cell : CellType.values()) {
            List<Layer> layers = RecurrentLayerFactory.sequenceLayers(new RecurrentSpec(cell, 4, 2, false, 0.25), 3);
            assertNull(layers.get(0).getIDropout(), cell + " first layer");
            assertEquals(new Dropout(0.75), layers.get(1).getIDropout(), cell + " second layer");
        }
    }

    @Test
    void gruTrainsInAMultiLayerNetwork() {
        RecurrentSpec spec = new RecurrentSpec(CellType.GRU, 5, 2, false, 0.1);
        NeuralNetConfiguration.ListBuilder list = RecurrentLayerFactory.baseConfiguration(1, 0.01, 1.0).list();
        RecurrentLayerFactory.sequenceLayers(spec, 3).forEach(list::layer);
        list.layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                .nIn(spec.outputSize()).nOut(2).build());
        list.setInputType(InputType.recurrent(3));
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        assertEquals(3L * 5 * (3 + 5 + 2), net.getLayer(0).numParams());
        fitOnceChangesTheParameters(net, Nd4j.rand(DataType.FLOAT, 4, 3, 7), Nd4j.rand(DataType.FLOAT, 4, 2, 7));
    }

    @Test
    void bidirectionalGruTrainsUnderLastTimeStep() {
        RecurrentSpec spec = new RecurrentSpec(CellType.GRU, 5, 1, true, 0);
        NeuralNetConfiguration.ListBuilder list = RecurrentLayerFactory.baseConfiguration(1, 0.01, 1.0).list();
        List<Layer> layers = RecurrentLayerFactory.sequenceToVectorLayers(spec, 3, SequencePooling.LAST);
        LastTimeStep last = assertInstanceOf(LastTimeStep.class, layers.get(0));
        assertInstanceOf(Gru.class, assertInstanceOf(Bidirectional.class, last.getUnderlying()).getFwd());
        layers.forEach(list::layer);
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                .nIn(spec.outputSize()).nOut(2).build());
        list.setInputType(InputType.recurrent(3));
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 3, 7);
        assertArrayEquals(new long[] {4, 2}, net.output(x).shape());
        fitOnceChangesTheParameters(net, x, Nd4j.rand(DataType.FLOAT, 4, 2));
    }

    private static void fitOnceChangesTheParameters(MultiLayerNetwork net, INDArray x, INDArray y) {
        INDArray before = net.params().dup();
        net.fit(x, y);
        assertTrue(Double.isFinite(net.score()), "score " + net.score());
        assertTrue(net.params().sub(before).amaxNumber().doubleValue() > 0, "one step changed nothing");
    }
}
