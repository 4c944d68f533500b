package io.rnnsuite.speech.data;

import java.util.Locale;

/**
 * One pseudo-speaker made from FreeTTS's single voice (kevin16) by {@link FreettsGenerator}: the
 * voice's spectrum scaled as by another vocal-tract length, its own pitch and pitch range, its own
 * tempo and its own spectral tilt.
 *
 * @param formantPercent every frequency of the voice (formants, pitch) × this / 100, by resampling
 *                       the waveform (vocal-tract-length perturbation; above 100 = a shorter tract)
 * @param pitchHz        mean fundamental frequency of the result, Hz
 * @param pitchRangeHz   how far the pitch moves around its mean (FreeTTS's pitch range), Hz
 * @param tempoPercent   the result's durations × this / 100 (above 100 = slower)
 * @param tiltPercent    spectral tilt {@code y[n] = x[n] - tilt/100 * x[n-1]}: above 0 brighter, below darker
 */
public record PseudoSpeaker(int formantPercent, int pitchHz, int pitchRangeHz, int tempoPercent, int tiltPercent) {

    /** The factor every frequency is multiplied by. */
    public double formantScale() {
        return formantPercent / 100.0;
    }

    /** The factor every duration is multiplied by. */
    public double tempo() {
        return tempoPercent / 100.0;
    }

    /** The coefficient of the tilt filter. */
    public double tilt() {
        return tiltPercent / 100.0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s formants x%.2f f0 %d Hz range %d tempo x%.2f tilt %+.2f", FreettsGenerator.VOICE,
                formantScale(), pitchHz, pitchRangeHz, tempo(), tilt());
    }
}
