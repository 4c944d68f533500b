package io.rnnsuite.layers;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import java.lang.reflect.Modifier;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;

/** Helpers for the configuration classes of the fast layers. */
final class LayerConfigs {

    private LayerConfigs() {
    }

    /**
     * Copies every setting of a stock layer configuration (and its super classes) into a fresh
     * fast one of a subclass, so that the fast layer is configured exactly as the stock one was
     * built (sizes, initialisation, updater, dropout, constraints, names, data format).
     */
    static <S extends BaseRecurrentLayer, F extends S> F copySettings(S stock, F target) {
        @SuppressWarnings("unchecked")
        S source = (S) stock.clone();
        for (Class<?> type = source.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    field.set(target, field.get(source));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot copy " + type.getSimpleName() + "." + field.getName(), e);
                }
            }
        }
        return target;
    }

    /**
     * The wiring DL4J expects from {@code Layer.instantiate}: listeners, index, the parameter view
     * and the parameter table from the configuration's initializer.
     */
    static <L extends FastRecurrentLayer<?>> L wire(L layer, ParamInitializer initializer, NeuralNetConfiguration conf,
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
                    + " (use the stock DL4J layer, --impl stock, for other activations)");
        }
    }

    /** Fails unless the gate activation is the logistic sigmoid. */
    static void requireSigmoid(IActivation activation, String what) {
        if (!(activation instanceof ActivationSigmoid)) {
            throw new IllegalArgumentException(what + " must be sigmoid for the fast layers, got " + activation
                    + " (use the stock DL4J layer, --impl stock, for other gate activations)");
        }
    }
}
