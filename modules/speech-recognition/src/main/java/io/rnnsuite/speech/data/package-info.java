/** Where utterances come from: generated with espeak-ng into a cache, or the user's WAV folders and transcripts. */
package io.rnnsuite.speech.data;
