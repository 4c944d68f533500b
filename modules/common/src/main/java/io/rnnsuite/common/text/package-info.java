/**
 * Text to token indices, shared by the text apps: word tokenization and a {@link
 * io.rnnsuite.common.text.Vocabulary} built from the training split only and saved beside the model;
 * a {@link io.rnnsuite.common.text.CharVocabulary} (code points, UNK for rare ones) for character
 * models; and pretrained word vectors ({@link io.rnnsuite.common.text.WordVectorsFile}) turned into
 * an embedding layer's initial weights ({@link io.rnnsuite.common.text.EmbeddingMatrix}).
 */
package io.rnnsuite.common.text;
