package io.rnnsuite.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * rnn-suite's GRU against PyTorch's {@code torch.nn.GRU} on numbers PyTorch computed
 * (src/test/resources/gru-pytorch-reference.json, written by
 * scripts/reference/gru_pytorch_reference.py): with PyTorch's weights loaded as W = weight_ih^T,
 * RW = weight_hh^T, b = bias_ih, rb = bias_hh, the outputs and the gradients of sum(output * R)
 * for every parameter and the input agree to 1e-10 in double precision.
 */
class GruPyTorchReferenceTest {

    private static final double TOLERANCE = 1e-10;

    @AfterEach
    void restoreFloatDefaults() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    @Test
    void matchesPyTorchOutputsAndGradients() throws IOException {
        JsonNode ref;
        try (InputStream in = getClass().getResourceAsStream("/gru-pytorch-reference.json")) {
            ref = new ObjectMapper().readTree(in);
        }
        int inputs = ref.get("inputs").asInt();
        int hidden = ref.get("hidden").asInt();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE)
                .updater(new NoOp()).list()
                .layer(new Gru.Builder().nIn(inputs).nOut(hidden).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        net.initGradientsView(); // the layer's gradient views, as fit() would set them up
        Layer gru = net.getLayer(0);
        gru.setParam(GruParamInitializer.WEIGHT_KEY, matrix(ref.get("weight_ih")).transpose());
        gru.setParam(GruParamInitializer.RECURRENT_WEIGHT_KEY, matrix(ref.get("weight_hh")).transpose());
        gru.setParam(GruParamInitializer.BIAS_KEY, vector(ref.get("bias_ih")));
        gru.setParam(GruParamInitializer.RECURRENT_BIAS_KEY, vector(ref.get("bias_hh")));

        // PyTorch's batch-first [B, T, F] against DL4J's NCW [B, F, T]
        INDArray x = cube(ref.get("input_btf")).permute(0, 2, 1).dup('c');
        INDArray r = cube(ref.get("r_bth")).permute(0, 2, 1).dup('c');
        LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
        INDArray output = gru.activate(x, true, noWorkspaces);
        assertClose(cube(ref.get("output_bth")).permute(0, 2, 1), output, "output");

        Pair<Gradient, INDArray> backward = gru.backpropGradient(r, noWorkspaces);
        Gradient gradient = backward.getFirst();
        assertClose(matrix(ref.get("grad_weight_ih")).transpose(), gradient.getGradientFor(GruParamInitializer.WEIGHT_KEY),
                "dL/dW (weight_ih)");
        assertClose(matrix(ref.get("grad_weight_hh")).transpose(),
                gradient.getGradientFor(GruParamInitializer.RECURRENT_WEIGHT_KEY), "dL/dRW (weight_hh)");
        assertClose(vector(ref.get("grad_bias_ih")), gradient.getGradientFor(GruParamInitializer.BIAS_KEY).reshape(-1),
                "dL/db (bias_ih)");
        assertClose(vector(ref.get("grad_bias_hh")),
                gradient.getGradientFor(GruParamInitializer.RECURRENT_BIAS_KEY).reshape(-1), "dL/drb (bias_hh)");
        assertClose(cube(ref.get("grad_input_btf")).permute(0, 2, 1), backward.getSecond(), "dL/dx");
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + " shape");
        double difference = expected.sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        assertEquals(0.0, difference, TOLERANCE, what + ": largest difference from PyTorch");
    }

    private static INDArray vector(JsonNode values) {
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i).asDouble();
        }
        return Nd4j.createFromArray(v);
    }

    private static INDArray matrix(JsonNode rows) {
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vector(rows.get(i)).toDoubleVector();
        }
        return Nd4j.createFromArray(m);
    }

    private static INDArray cube(JsonNode blocks) {
        double[][][] c = new double[blocks.size()][][];
        for (int i = 0; i < c.length; i++) {
            c[i] = matrix(blocks.get(i)).toDoubleMatrix();
        }
        return Nd4j.createFromArray(c);
    }
}
