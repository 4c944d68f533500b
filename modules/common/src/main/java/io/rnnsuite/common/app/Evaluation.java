package io.rnnsuite.common.app;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model's (or a baseline's) scores on a test set.
 *
 * @param model    its name ({@code lstm}, {@code majority})
 * @param baseline whether it is a baseline rather than a recurrent network
 * @param metrics  scores by snake_case key, in the order tables show them
 * @param detail   optional preformatted text (a confusion matrix), or {@code null}
 */
public record Evaluation(String model, boolean baseline, Map<String, Double> metrics, String detail) {

    public Evaluation {
        for (String key : metrics.keySet()) {
            if (!key.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("metric keys are snake_case, got '" + key + "'");
            }
        }
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    public Evaluation(String model, boolean baseline, Map<String, Double> metrics) {
        this(model, baseline, metrics, null);
    }

    /** The scores by key (Tribuo's {@code asMap}). */
    public Map<String, Double> asMap() {
        return metrics;
    }

    /** One score; fails loudly for a key the app does not produce. */
    public double metric(String key) {
        Double value = metrics.get(key);
        if (value == null) {
            throw new IllegalArgumentException(model + " has no metric '" + key + "' (has " + metrics.keySet() + ")");
        }
        return value;
    }
}
