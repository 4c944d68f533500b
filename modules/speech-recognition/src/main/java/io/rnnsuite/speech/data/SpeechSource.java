package io.rnnsuite.speech.data;

import io.rnnsuite.common.UserInputException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the utterances come from and how many: a generated dataset, the user's label folders, or
 * the user's transcripts file.
 *
 * @param dataset          {@code spoken-digits} (isolated words, default) or {@code digit-strings}
 *                         (connected, 1–7 digits); ignored with {@code wavDir} / {@code transcripts}
 * @param wavDir           the user's recordings, one sub-folder per label, or {@code null}
 * @param transcripts      the user's connected digits, lines {@code path<TAB>words}, or {@code null}
 * @param dataDir          cache root of generated speech (default {@code data/speech} under the working directory)
 * @param trainVoices      distinct generated training voices (default 24)
 * @param validationVoices distinct generated validation voices (default 4)
 * @param testVoices       distinct generated test voices, of timbres never used in training (default 6)
 * @param perVoice         spoken-digits: repetitions of every word per voice; digit-strings: strings
 *                         per voice (defaults 1 and 12)
 * @param noisyCopies      noisy copies of each training and validation utterance, at SNRs drawn from
 *                         {@code snrs} (default 1)
 * @param snrs             signal-to-noise ratios in dB: every test utterance is scored clean and at
 *                         each of these (default 20, 10, 5)
 * @param tts              who speaks the generated datasets: espeak-ng, FreeTTS, or auto (default:
 *                         espeak-ng when installed, else FreeTTS); a record without it reads as auto
 */
public record SpeechSource(String dataset, Path wavDir, Path transcripts, Path dataDir, int trainVoices,
                           int validationVoices, int testVoices, int perVoice, int noisyCopies, List<Integer> snrs,
                           TtsEngine tts) {

    public static final String SPOKEN_DIGITS = "spoken-digits";
    public static final String DIGIT_STRINGS = "digit-strings";
    /** The isolated words of {@code spoken-digits}: the ten digits and four commands. */
    public static final List<String> SPOKEN_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "yes", "no", "stop", "go");
    /** Longest generated digit string. */
    public static final int MAX_DIGITS = 7;

    public SpeechSource {
        if (wavDir == null && transcripts == null && !SPOKEN_DIGITS.equals(dataset) && !DIGIT_STRINGS.equals(dataset)) {
            throw new UserInputException("unknown dataset '" + dataset + "': expected " + SPOKEN_DIGITS + " or "
                    + DIGIT_STRINGS + " (or --wav-dir / --transcripts)");
        }
        if (wavDir != null && transcripts != null) {
            throw new UserInputException("give --wav-dir (isolated words) or --transcripts (connected digits), not both");
        }
        if (trainVoices < 1 || validationVoices < 1 || testVoices < 1 || perVoice < 1 || noisyCopies < 0) {
            throw new UserInputException("--train-voices, --validation-voices, --test-voices and --per-voice must be at "
                    + "least 1 and --noisy-copies at least 0");
        }
        snrs = snrs == null ? List.of() : List.copyOf(snrs);
        if (noisyCopies > 0 && snrs.isEmpty()) {
            throw new UserInputException("--noisy-copies needs at least one --snrs value");
        }
        dataDir = dataDir == null ? Path.of("data", "speech") : dataDir;
        tts = tts == null ? TtsEngine.AUTO : tts;
    }

    /** The generated isolated-word set with its defaults. */
    public static SpeechSource generated(String dataset) {
        return new SpeechSource(dataset, null, null, null, 24, 4, 6, DIGIT_STRINGS.equals(dataset) ? 12 : 1, 1,
                List.of(20, 10, 5), TtsEngine.AUTO);
    }

    public SpeechSource withWavDir(Path dir) {
        return new SpeechSource(dataset, dir, null, dataDir, trainVoices, validationVoices, testVoices, perVoice,
                noisyCopies, snrs, tts);
    }

    public SpeechSource withVoices(int train, int validation, int test, int repetitions) {
        return new SpeechSource(dataset, wavDir, transcripts, dataDir, train, validation, test, repetitions, noisyCopies, snrs, tts);
    }

    public SpeechSource withDataDir(Path dir) {
        return new SpeechSource(dataset, wavDir, transcripts, dir, trainVoices, validationVoices, testVoices, perVoice,
                noisyCopies, snrs, tts);
    }

    public SpeechSource withTts(TtsEngine engine) {
        return new SpeechSource(dataset, wavDir, transcripts, dataDir, trainVoices, validationVoices, testVoices, perVoice,
                noisyCopies, snrs, engine);
    }

    /** Connected digit strings (CTC) rather than isolated words. */
    public boolean connected() {
        return transcripts != null || (wavDir == null && DIGIT_STRINGS.equals(dataset));
    }

    public boolean isGenerated() {
        return wavDir == null && transcripts == null;
    }

    /** The name runs and tables show. */
    public String describe() {
        return wavDir != null ? wavDir.toString() : transcripts != null ? transcripts.toString() : dataset;
    }
}
