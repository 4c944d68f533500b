/**
 * Text to token indices, shared by the text apps: word tokenization and a {@link
 * io.rnnsuite.common.text.Vocabulary} built from the training split only and saved beside the model; a
 * {@link io.rnnsuite.common.text.CharVocabulary} (code points, UNK for rare ones) for character models.
 */
package io.rnnsuite.common.text;
