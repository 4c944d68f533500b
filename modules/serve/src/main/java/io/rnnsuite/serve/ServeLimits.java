package io.rnnsuite.serve;

import java.time.Duration;

/**
 * What one request may ask for, so that no request can exhaust memory or hold a model for long.
 *
 * @param maxBodyBytes    largest request body (default 1 MiB: an uploaded CSV of ~40,000 rows); more → 413
 * @param maxTextChars    longest text, prime or sentence (default 2,000 characters); more → 413
 * @param maxInputs       most inputs of one {@code predict} call (default 32); more → 413
 * @param maxSampleLength most characters one sampling request draws (default 2,000); more → 400
 * @param maxBeamWidth    widest beam a translation request may ask for (default 16); more → 400
 * @param modelWait       how long a request waits for a model another request is using (default 30 s); then 503
 */
public record ServeLimits(int maxBodyBytes, int maxTextChars, int maxInputs, int maxSampleLength, int maxBeamWidth,
                          Duration modelWait) {

    public ServeLimits {
        if (maxBodyBytes < 1 || maxTextChars < 1 || maxInputs < 1 || maxSampleLength < 1 || maxBeamWidth < 1
                || modelWait == null || modelWait.isNegative()) {
            throw new IllegalArgumentException("serve limits must be positive");
        }
    }

    public static ServeLimits defaults() {
        return new ServeLimits(1 << 20, 2000, 32, 2000, 16, Duration.ofSeconds(30));
    }

    public ServeLimits withMaxBodyBytes(int bytes) {
        return new ServeLimits(bytes, maxTextChars, maxInputs, maxSampleLength, maxBeamWidth, modelWait);
    }

    public ServeLimits withModelWait(Duration wait) {
        return new ServeLimits(maxBodyBytes, maxTextChars, maxInputs, maxSampleLength, maxBeamWidth, wait);
    }
}
