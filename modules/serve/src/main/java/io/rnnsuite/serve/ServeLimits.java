package io.rnnsuite.serve;

import java.time.Duration;

/**
 * What one request may ask for, so that no request can exhaust memory or hold a model for long.
 *
 * @param maxBodyBytes    largest JSON request body (default 1 MiB: an uploaded CSV of ~40,000 rows); more → 413
 * @param maxTextChars    longest text, prime or sentence (default 2,000 characters); more → 413
 * @param maxInputs       most inputs of one {@code predict} call (default 32); more → 413
 * @param maxSampleLength most characters one sampling request draws (default 2,000); more → 400
 * @param maxBeamWidth    widest beam a translation request may ask for (default 16); more → 400
 * @param modelWait       how long a request waits for a model another request is using (default 30 s); then 503
 * @param maxAudioBytes   largest uploaded WAV file (default 4 MiB: 10 s of 48 kHz 32-bit mono, or 23 s of 44.1 kHz
 *                        16-bit stereo); more → 413
 * @param maxAudioSeconds longest recording recognised (default 10 s, or the speech model's own {@code --max-seconds}
 *                        when shorter); more → 413
 */
public record ServeLimits(int maxBodyBytes, int maxTextChars, int maxInputs, int maxSampleLength, int maxBeamWidth,
                          Duration modelWait, int maxAudioBytes, double maxAudioSeconds) {

    public ServeLimits {
        if (maxBodyBytes < 1 || maxTextChars < 1 || maxInputs < 1 || maxSampleLength < 1 || maxBeamWidth < 1
                || modelWait == null || modelWait.isNegative() || maxAudioBytes < 1 || !(maxAudioSeconds > 0)) {
            throw new IllegalArgumentException("serve limits must be positive");
        }
    }

    public static ServeLimits defaults() {
        return new ServeLimits(1 << 20, 2000, 32, 2000, 16, Duration.ofSeconds(30), 4 << 20, 10);
    }

    public ServeLimits withMaxBodyBytes(int bytes) {
        return new ServeLimits(bytes, maxTextChars, maxInputs, maxSampleLength, maxBeamWidth, modelWait, maxAudioBytes,
                maxAudioSeconds);
    }

    public ServeLimits withModelWait(Duration wait) {
        return new ServeLimits(maxBodyBytes, maxTextChars, maxInputs, maxSampleLength, maxBeamWidth, wait, maxAudioBytes,
                maxAudioSeconds);
    }

    public ServeLimits withAudio(int bytes, double seconds) {
        return new ServeLimits(maxBodyBytes, maxTextChars, maxInputs, maxSampleLength, maxBeamWidth, modelWait, bytes, seconds);
    }
}
