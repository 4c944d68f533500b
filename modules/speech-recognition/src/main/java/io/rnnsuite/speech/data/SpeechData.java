package io.rnnsuite.speech.data;

import java.util.List;
import java.util.Map;

/**
 * Loaded, featurised and split utterances.
 *
 * @param connected  connected digit strings (CTC) rather than isolated words
 * @param vocabulary the classes (isolated) or the ten digit words (connected: CTC label k + 1 is word k)
 * @param name       dataset name or the user's folder / file
 * @param source     {@code generated} or {@code file}
 * @param sha256     SHA-256 of what was read (the generated set's manifest and WAV bytes, or the user's files)
 * @param details    generator, version, voices and counts, for the run record
 */
public record SpeechData(boolean connected, List<String> vocabulary, List<Utterance> train, List<Utterance> validation,
                         List<Utterance> test, String name, String source, String sha256, Map<String, Object> details) {
}
