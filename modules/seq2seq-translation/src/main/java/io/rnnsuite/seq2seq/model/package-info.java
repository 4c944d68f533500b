/** The encoder–decoder graphs, step-by-step decoding (greedy and beam search), training and evaluation. */
package io.rnnsuite.seq2seq.model;
