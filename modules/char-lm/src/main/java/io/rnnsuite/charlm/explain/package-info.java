/**
 * What happens inside a trained character model's cells on real text: the properties of the text
 * its units may follow ({@link io.rnnsuite.charlm.explain.TextProperties}), and the page built from
 * the shared replay and figures of {@code io.rnnsuite.common.explain}.
 */
package io.rnnsuite.charlm.explain;
