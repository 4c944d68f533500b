package io.rnnsuite.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.shade.jackson.core.JsonProcessingException;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * Compares two layer configurations by every property DL4J saves (its own JSON mapper), all but
 * the class name: what a saved model would remember of them.
 */
final class SameSettings {

    private SameSettings() {
    }

    static void assertSameSettingsExceptClass(Layer stock, Layer fast) {
        JsonNode expected = withoutClass(stock);
        ObjectNode actual = (ObjectNode) withoutClass(fast);
        // the fast layers' own switch (InputGradients), on by default: stock layers always compute it
        assertEquals(true, actual.path("inputGradient").asBoolean(false), "the input gradient is on by default");
        actual.remove("inputGradient");
        assertNotEquals(stock.getClass(), fast.getClass());
        assertEquals(expected, actual, "settings differ:\n stock " + expected + "\n fast  " + actual);
    }

    /** As {@link #assertSameSettingsExceptClass}, for a fast layer without the input-gradient switch. */
    static void assertSameJsonExceptClass(Layer stock, Layer fast) {
        assertNotEquals(stock.getClass(), fast.getClass());
        JsonNode expected = withoutClass(stock);
        JsonNode actual = withoutClass(fast);
        assertEquals(expected, actual, "settings differ:\n stock " + expected + "\n fast  " + actual);
    }

    private static JsonNode withoutClass(Layer layer) {
        ObjectMapper mapper = NeuralNetConfiguration.mapper();
        try {
            ObjectNode json = (ObjectNode) mapper.readTree(mapper.writeValueAsString(layer));
            json.remove("@class");
            return json;
        } catch (JsonProcessingException e) {
            throw new AssertionError("cannot write " + layer + " as JSON", e);
        }
    }
}
