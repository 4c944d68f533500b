/**
 * What happens inside a trained character model's cells on real text: the cell equations re-run
 * step by step from the trained parameters ({@link io.rnnsuite.charlm.explain.CellReplay}), units
 * whose activation follows simple properties of the text, gate saturation, how long forget gates
 * keep information, and the self-contained page that shows it all.
 */
package io.rnnsuite.charlm.explain;
