package io.rnnsuite.speech.data;

import io.rnnsuite.common.UserInputException;
import java.util.Locale;

/**
 * Which text-to-speech engine makes the generated datasets ({@code --tts}): espeak-ng (Debian's,
 * ~100 voice variants and several accents), FreeTTS (pure Java, one voice made into
 * pseudo-speakers) or {@link #AUTO}, espeak-ng when it is installed and FreeTTS otherwise.
 */
public enum TtsEngine {
    AUTO, ESPEAK, FREETTS;

    /** The value {@code --tts} takes: {@code auto}, {@code espeak}, {@code freetts}. */
    public String flag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The engine {@code --tts TEXT} names; one line naming the choices otherwise. */
    public static TtsEngine parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (TtsEngine e : values()) {
            if (e.flag().equals(t) || (e == ESPEAK && t.equals(EspeakGenerator.NAME))) {
                return e;
            }
        }
        throw new UserInputException("--tts " + text + ": expected espeak, freetts or auto");
    }

    /**
     * The engine that speaks: {@link #AUTO} becomes {@link #ESPEAK} when espeak-ng is installed,
     * {@link #FREETTS} otherwise; {@link #ESPEAK} without espeak-ng is one line naming the fallback.
     */
    public TtsEngine resolve(String dataset) {
        boolean espeak = EspeakGenerator.version().isPresent();
        if (this == ESPEAK && !espeak) {
            throw new UserInputException(EspeakGenerator.missingMessage(dataset));
        }
        return this == AUTO ? (espeak ? ESPEAK : FREETTS) : this;
    }
}
