/** Baselines scored like the recurrent models: the majority answer and a non-recurrent model on pooled MFCCs. */
package io.rnnsuite.speech.baseline;
