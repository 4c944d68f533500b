/**
 * What happens inside a trained network's recurrent cells, shared by every app's explain view: the
 * cell equations re-run step by step from the trained parameters ({@link io.rnnsuite.common.explain.CellReplay}),
 * units whose activation follows simple properties of the input ({@link io.rnnsuite.common.explain.InterpretableUnits}),
 * gate saturation ({@link io.rnnsuite.common.explain.Saturation}), how long keep gates hold information
 * ({@link io.rnnsuite.common.explain.CellFigures}), and the parts of the self-contained page
 * ({@link io.rnnsuite.common.explain.ExplainHtml}).
 */
package io.rnnsuite.common.explain;
