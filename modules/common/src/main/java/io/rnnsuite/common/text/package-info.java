/**
 * Text to token indices, shared by the text apps: word tokenization, a {@link
 * io.rnnsuite.common.text.Vocabulary} built from the training split only and saved beside the model,
 * and pretrained word vectors ({@link io.rnnsuite.common.text.WordVectorsFile}) turned into an
 * embedding layer's initial weights ({@link io.rnnsuite.common.text.EmbeddingMatrix}).
 */
package io.rnnsuite.common.text;
