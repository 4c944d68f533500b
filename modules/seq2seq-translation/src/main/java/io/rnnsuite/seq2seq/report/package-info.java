/** Figures of the translation app: attention heat maps. */
package io.rnnsuite.seq2seq.report;
