package io.rnnsuite.speech.data;

import java.util.Locale;

/**
 * One synthetic speaker of espeak-ng: an accent, a voice variant (the timbre), a rate and a pitch.
 *
 * @param accent  espeak-ng language ({@code en-us}, {@code en-gb-scotland}, …)
 * @param variant voice variant ({@code m3}, {@code f2}, {@code klatt}, …)
 * @param rate    words per minute ({@code -s})
 * @param pitch   0 … 99 ({@code -p})
 */
public record Voice(String accent, String variant, int rate, int pitch) {

    /** The {@code -v} argument. */
    public String espeakName() {
        return accent + "+" + variant;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s s%d p%d", espeakName(), rate, pitch);
    }
}
