/**
 * What happens inside a trained text classifier while it reads: the word properties its units may
 * follow ({@link io.rnnsuite.textclf.explain.WordProperties}, {@link io.rnnsuite.textclf.explain.ClassWords}),
 * the prediction from every prefix and each word's influence by occlusion
 * ({@link io.rnnsuite.textclf.explain.ClassifierExplainer}), and the page built from the shared
 * replay and figures of {@code io.rnnsuite.common.explain}.
 */
package io.rnnsuite.textclf.explain;
