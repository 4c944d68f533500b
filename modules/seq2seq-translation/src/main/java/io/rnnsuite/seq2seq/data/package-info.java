/** Sentence pairs: where they come from, how they are split, tokenized and turned into one-hot sequences. */
package io.rnnsuite.seq2seq.data;
