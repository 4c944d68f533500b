package io.rnnsuite.speech.data;

/**
 * One utterance, as features.
 *
 * @param id        file name or generated id
 * @param features  {@code [frames][dimension]}
 * @param label     class index (isolated words), or -1
 * @param targets   label indices 1 … 10 of the spoken digits (connected speech; 0 is the CTC blank), or empty
 * @param text      what was said ({@code "seven"}, {@code "three five two"})
 * @param voice     who said it ({@code en-us+m3 s150 p40}; {@code user} for the user's files)
 * @param condition {@code clean} or {@code snr20} … for the by-SNR tables
 */
public record Utterance(String id, float[][] features, int label, int[] targets, String text, String voice,
                        String condition) {

    public int frames() {
        return features.length;
    }
}
