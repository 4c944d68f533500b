/**
 * Where utterances come from: generated into a cache with espeak-ng or, where it is not installed,
 * FreeTTS's pseudo-speakers; or the user's WAV folders and transcripts.
 */
package io.rnnsuite.speech.data;
