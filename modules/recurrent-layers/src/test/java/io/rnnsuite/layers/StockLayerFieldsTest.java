package io.rnnsuite.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.junit.jupiter.api.Test;

/**
 * The guard on the one place that copies DL4J settings by hand: {@code LayerConfigs.copyRecurrentSettings}
 * plus {@link FastLstm#of}, {@link FastSimpleRnn#of} and {@link FastRnnOutput#of} set, through DL4J's public setters, every
 * field that the stock configuration classes of DL4J 1.0.0-M2.1 declare. If a DL4J upgrade adds,
 * removes or renames one (or a class in the hierarchy), this fails and names it, instead of a fast
 * layer silently losing a setting: then copy the new field there and update the list here.
 */
class StockLayerFieldsTest {

    /** Instance fields per class, from the stock class up to {@code Layer}, as of DL4J 1.0.0-M2.1. */
    private static final Map<String, Set<String>> LSTM_FIELDS = expected(
            "LSTM", "forgetGateBiasInit gateActivationFn",
            "AbstractLSTM", "forgetGateBiasInit gateActivationFn helperAllowFallback",
            "BaseRecurrentLayer", "weightInitFnRecurrent rnnDataFormat",
            "FeedForwardLayer", "nIn nOut timeDistributedFormat",
            "BaseLayer", "activationFn weightInitFn biasInit gainInit regularization regularizationBias iUpdater"
                    + " biasUpdater weightNoise gradientNormalization gradientNormalizationThreshold",
            "Layer", "layerName iDropout constraints");

    private static final Map<String, Set<String>> SIMPLE_RNN_FIELDS = expected(
            "SimpleRnn", "hasLayerNorm",
            "BaseRecurrentLayer", "weightInitFnRecurrent rnnDataFormat",
            "FeedForwardLayer", "nIn nOut timeDistributedFormat",
            "BaseLayer", "activationFn weightInitFn biasInit gainInit regularization regularizationBias iUpdater"
                    + " biasUpdater weightNoise gradientNormalization gradientNormalizationThreshold",
            "Layer", "layerName iDropout constraints");

    private static final Map<String, Set<String>> RNN_OUTPUT_FIELDS = expected(
            "RnnOutputLayer", "rnnDataFormat",
            "BaseOutputLayer", "lossFn hasBias",
            "FeedForwardLayer", "nIn nOut timeDistributedFormat",
            "BaseLayer", "activationFn weightInitFn biasInit gainInit regularization regularizationBias iUpdater"
                    + " biasUpdater weightNoise gradientNormalization gradientNormalizationThreshold",
            "Layer", "layerName iDropout constraints");

    @Test
    void theStockConfigurationsDeclareExactlyTheFieldsTheFastLayersCopy() {
        assertEquals(RNN_OUTPUT_FIELDS, declaredFields(org.deeplearning4j.nn.conf.layers.RnnOutputLayer.class),
                "DL4J's RnnOutputLayer configuration classes changed their fields: FastRnnOutput.of and"
                        + " LayerConfigs.copyFeedForwardSettings must copy the new ones (then update this list)");
        assertEquals(Set.of(), instanceFields(FastRnnOutput.class), "FastRnnOutput's own fields");
        assertEquals(LSTM_FIELDS, declaredFields(LSTM.class),
                "DL4J's LSTM configuration classes changed their fields: FastLstm.of and"
                        + " LayerConfigs.copyRecurrentSettings must copy the new ones (then update this list)");
        assertEquals(SIMPLE_RNN_FIELDS, declaredFields(SimpleRnn.class),
                "DL4J's SimpleRnn configuration classes changed their fields: FastSimpleRnn.of and"
                        + " LayerConfigs.copyRecurrentSettings must copy the new ones (then update this list)");
        // the fast classes add no state of their own that a copy or JSON could miss, except the
        // input-gradient switch, which the JSON keeps (InputGradientsTest) and of() leaves on
        assertEquals(Set.of("inputGradient"), instanceFields(FastLstm.class), "FastLstm's own fields");
        assertEquals(Set.of("inputGradient"), instanceFields(FastSimpleRnn.class), "FastSimpleRnn's own fields");
    }

    private static Map<String, Set<String>> declaredFields(Class<?> stock) {
        Map<String, Set<String>> fields = new LinkedHashMap<>();
        for (Class<?> type = stock; type != Object.class; type = type.getSuperclass()) {
            fields.put(type.getSimpleName(), instanceFields(type));
        }
        return fields;
    }

    private static Set<String> instanceFields(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers()) && !field.isSynthetic())
                .map(Field::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, Set<String>> expected(String... classAndFields) {
        Map<String, Set<String>> fields = new LinkedHashMap<>();
        for (int i = 0; i < classAndFields.length; i += 2) {
            fields.put(classAndFields[i], new TreeSet<>(Arrays.asList(classAndFields[i + 1].split(" "))));
        }
        return fields;
    }
}
