/**
 * seq2seq-translation: a recurrent encoder–decoder (SimpleRnn / LSTM / BiLSTM encoder, optional
 * attention) that translates English to French numbers and dates generated with ICU4J, or the
 * user's own sentence pairs; greedy and beam-search decoding step by step; exact match, BLEU, chrF.
 */
package io.rnnsuite.seq2seq;
