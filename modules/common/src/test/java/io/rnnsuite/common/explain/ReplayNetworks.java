package io.rnnsuite.common.explain;

import io.rnnsuite.common.RecurrentLayerFactory;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.SequencePooling;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Networks for the replay tests, built through the one layer factory, and the network's own
 * output of each recurrent layer at every step (what a replay must reproduce). Public: the apps'
 * explain tests compare their pages with {@link #ownStates}.
 */
public final class ReplayNetworks {

    private ReplayNetworks() {
    }

    /** A stack reading one-hot symbols of {@code nIn} kinds, with a per-step softmax on top (a character model's shape). */
    public static MultiLayerNetwork oneHotStack(RecurrentSpec spec, int nIn) {
        NeuralNetConfiguration.ListBuilder list = RecurrentLayerFactory.baseConfiguration(7, 0.01, 1.0).list();
        for (Layer layer : RecurrentLayerFactory.sequenceLayers(spec, nIn)) {
            list.layer(layer);
        }
        list.layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                .nIn(spec.outputSize()).nOut(nIn).build());
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    /** Word indices → embedding → the stack with many-to-one pooling → softmax over 3 classes (a classifier's shape). */
    public static MultiLayerNetwork embeddedClassifier(RecurrentSpec spec, int vocabulary, int embedding, SequencePooling pooling) {
        NeuralNetConfiguration.ListBuilder list = RecurrentLayerFactory.baseConfiguration(7, 0.01, 1.0).list();
        list.layer(new EmbeddingSequenceLayer.Builder().nIn(vocabulary).nOut(embedding).hasBias(false).build());
        for (Layer layer : RecurrentLayerFactory.sequenceToVectorLayers(spec, embedding, pooling)) {
            list.layer(layer);
        }
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                .nIn(spec.outputSize()).nOut(3).build());
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    /** Every parameter of layer {@code layer} set to 0. */
    public static void zero(MultiLayerNetwork net, int layer) {
        for (INDArray p : net.getLayer(layer).paramTable().values()) {
            p.assign(0);
        }
    }

    /** Adds noise N(0, scale²) to every parameter, so biases and recurrent weights are far from their initial values. */
    public static void perturb(MultiLayerNetwork net, double scale, long seed) {
        Random random = new Random(seed);
        INDArray params = net.params();
        for (long i = 0; i < params.length(); i++) {
            params.putScalar(i, params.getDouble(i) + scale * random.nextGaussian());
        }
        net.setParams(params);
    }

    /** One-hot {@code [1, size, steps]}. */
    public static INDArray oneHot(int[] symbols, int size) {
        INDArray out = Nd4j.zeros(DataType.FLOAT, 1, size, symbols.length);
        for (int t = 0; t < symbols.length; t++) {
            out.putScalar(new long[] {0, symbols[t], t}, 1f);
        }
        return out;
    }

    /** Token indices {@code [1, 1, steps]}, as an embedding layer reads them. */
    public static INDArray indices(int[] tokens) {
        INDArray out = Nd4j.zeros(DataType.FLOAT, 1, 1, tokens.length);
        for (int t = 0; t < tokens.length; t++) {
            out.putScalar(new long[] {0, 0, t}, tokens[t]);
        }
        return out;
    }

    /**
     * The network's own output of each recurrent layer from {@code first} on, at every step,
     * {@code [step][unit]}, inference mode: DL4J's forward pass up to the layer, then the layer itself
     * (under a {@code LastTimeStep} wrapper, the wrapped layer, so every step is there).
     */
    public static List<double[][]> ownStates(MultiLayerNetwork net, INDArray features, int first, int count) {
        List<double[][]> out = new ArrayList<>();
        for (int l = first; l < first + count; l++) {
            INDArray input = features;
            if (l > 0) {
                List<INDArray> before = net.feedForwardToLayer(l - 1, features, false);
                input = before.get(before.size() - 1);
            }
            InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(l);
            if (pre != null) {
                input = pre.preProcess(input, 1, LayerWorkspaceMgr.noWorkspaces());
            }
            org.deeplearning4j.nn.api.Layer layer = net.getLayer(l);
            if (layer instanceof BaseWrapperLayer wrapper) {
                layer = wrapper.getUnderlying();
            }
            double[][] unitStep = layer.activate(input, false, LayerWorkspaceMgr.noWorkspaces()).slice(0).toDoubleMatrix();
            double[][] stepUnit = new double[unitStep[0].length][unitStep.length];
            for (int j = 0; j < unitStep.length; j++) {
                for (int t = 0; t < stepUnit.length; t++) {
                    stepUnit[t][j] = unitStep[j][t];
                }
            }
            out.add(stepUnit);
        }
        return out;
    }
}
