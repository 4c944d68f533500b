/**
 * Text to token indices, shared by the text apps: word tokenization and a {@link
 * io.rnnsuite.common.text.Vocabulary} built from the training split only and saved beside the model.
 */
package io.rnnsuite.common.text;
