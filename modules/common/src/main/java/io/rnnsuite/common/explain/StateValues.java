package io.rnnsuite.common.explain;

/**
 * One layer's state over the input, as an explain page's JSON holds it.
 *
 * @param layer  the layer, from 0
 * @param state  {@code hidden} or {@code cell}
 * @param values {@code [unit][step]}
 */
public record StateValues(int layer, String state, double[][] values) {
}
