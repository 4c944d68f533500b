/**
 * Text into integer sequences and back: vocabularies built from the training split only, saved
 * beside the model so prediction maps text exactly as training did.
 */
package io.rnnsuite.common.text;
