/**
 * The text-classification app: labelled texts (bundled WordNet glosses, SentiWordNet glosses or
 * the user's CSV/TSV) → word indices with masks → learned embeddings → SimpleRnn / LSTM /
 * bidirectional stack → softmax, compared with majority-class and bag-of-words baselines.
 */
package io.rnnsuite.textclf;
