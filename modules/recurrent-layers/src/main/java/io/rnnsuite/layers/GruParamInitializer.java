package io.rnnsuite.layers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The parameters of a {@link Gru}, in this order in the layer's flat parameter vector:
 * <ul>
 *   <li>{@code "W"}: input weights {@code [nIn, 3H]}, gate blocks {@code [r | z | n]};</li>
 *   <li>{@code "RW"}: recurrent weights {@code [H, 3H]}, same blocks;</li>
 *   <li>{@code "b"}: input bias {@code [1, 3H]};</li>
 *   <li>{@code "rb"}: recurrent bias {@code [1, 3H]} (kept apart from {@code b} because the
 *       candidate's recurrent bias sits inside the reset gate's product).</li>
 * </ul>
 * Weights are 'f'-order views, as DL4J's own recurrent layers keep theirs. Weights are drawn from
 * the layer's weight initialisation (the recurrent one for {@code RW} when set) with the fan-in
 * and fan-out of one gate block; both biases start at the layer's bias initialisation (0 unless
 * configured).
 */
public final class GruParamInitializer implements ParamInitializer {

    public static final String WEIGHT_KEY = "W";
    public static final String RECURRENT_WEIGHT_KEY = "RW";
    public static final String BIAS_KEY = "b";
    public static final String RECURRENT_BIAS_KEY = "rb";

    private static final GruParamInitializer INSTANCE = new GruParamInitializer();
    private static final List<String> WEIGHT_KEYS = List.of(WEIGHT_KEY, RECURRENT_WEIGHT_KEY);
    private static final List<String> BIAS_KEYS = List.of(BIAS_KEY, RECURRENT_BIAS_KEY);
    private static final List<String> PARAM_KEYS = List.of(WEIGHT_KEY, RECURRENT_WEIGHT_KEY, BIAS_KEY, RECURRENT_BIAS_KEY);

    private GruParamInitializer() {
    }

    public static GruParamInitializer getInstance() {
        return INSTANCE;
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        Gru gru = (Gru) layer;
        long hidden = gru.getNOut();
        return 3 * hidden * (gru.getNIn() + hidden + 2);
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return PARAM_KEYS;
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return WEIGHT_KEYS;
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return BIAS_KEYS;
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return WEIGHT_KEYS.contains(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return BIAS_KEYS.contains(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        Gru gru = (Gru) conf.getLayer();
        if (paramsView.length() != numParams(gru)) {
            throw new IllegalStateException("expected a GRU parameter view of length " + numParams(gru)
                    + ", got " + paramsView.length());
        }
        Map<String, INDArray> params = views(gru, paramsView);
        if (initializeParams) {
            long nIn = gru.getNIn();
            long hidden = gru.getNOut();
            IWeightInit recurrentInit = gru.getWeightInitFnRecurrent() != null
                    ? gru.getWeightInitFnRecurrent() : gru.getWeightInitFn();
            gru.getWeightInitFn().init(nIn, hidden, new long[] {nIn, 3 * hidden}, IWeightInit.DEFAULT_WEIGHT_INIT_ORDER,
                    params.get(WEIGHT_KEY));
            recurrentInit.init(hidden, hidden, new long[] {hidden, 3 * hidden}, IWeightInit.DEFAULT_WEIGHT_INIT_ORDER,
                    params.get(RECURRENT_WEIGHT_KEY));
            params.get(BIAS_KEY).assign(gru.getBiasInit());
            params.get(RECURRENT_BIAS_KEY).assign(gru.getBiasInit());
        }
        for (String key : PARAM_KEYS) {
            conf.addVariable(key);
        }
        return params;
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        return views((Gru) conf.getLayer(), gradientView);
    }

    /** The four parameter arrays as views of the flat vector. */
    private static Map<String, INDArray> views(Gru gru, INDArray flat) {
        long nIn = gru.getNIn();
        long hidden = gru.getNOut();
        long width = 3 * hidden;
        INDArray vector = flat.reshape(flat.length());
        long weightsEnd = nIn * width;
        long recurrentEnd = weightsEnd + hidden * width;
        long biasEnd = recurrentEnd + width;
        Map<String, INDArray> views = new LinkedHashMap<>();
        views.put(WEIGHT_KEY, vector.get(NDArrayIndex.interval(0, weightsEnd))
                .reshape(IWeightInit.DEFAULT_WEIGHT_INIT_ORDER, nIn, width));
        views.put(RECURRENT_WEIGHT_KEY, vector.get(NDArrayIndex.interval(weightsEnd, recurrentEnd))
                .reshape(IWeightInit.DEFAULT_WEIGHT_INIT_ORDER, hidden, width));
        views.put(BIAS_KEY, vector.get(NDArrayIndex.interval(recurrentEnd, biasEnd)).reshape(1, width));
        views.put(RECURRENT_BIAS_KEY, vector.get(NDArrayIndex.interval(biasEnd, biasEnd + width)).reshape(1, width));
        return views;
    }
}
