package io.rnnsuite.speech.model;

import io.rnnsuite.speech.data.Utterance;
import java.util.List;

/** Anything that turns utterances into text: the recurrent models and the baselines alike. */
public interface Recognizer {

    String name();

    /** What was said in each utterance: a word (isolated) or digit words separated by spaces (connected). */
    List<String> recognise(List<Utterance> utterances);
}
