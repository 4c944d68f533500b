package io.rnnsuite.charlm.model;

import io.rnnsuite.common.UserInputException;

/**
 * How to draw characters from the model.
 *
 * @param length      characters to generate after the prime (default 500)
 * @param temperature divides the log-probabilities: below 1 sharpens, above 1 flattens; a tiny
 *                    value (1e-6) is greedy argmax decoding (default 0.8)
 * @param topK        draw only among the k likeliest characters, 0 = all (default 0)
 * @param seed        seeds the draws, so the same seed gives the same text (default 42)
 */
public record SamplingOptions(int length, double temperature, int topK, long seed) {

    public SamplingOptions {
        if (length < 0) {
            throw new UserInputException("--length must be 0 or more, got " + length);
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new UserInputException("--temperature must be a positive number (use a tiny value such as 1e-6 "
                    + "for greedy decoding), got " + temperature);
        }
        if (topK < 0) {
            throw new UserInputException("--top-k must be 0 (all characters) or positive, got " + topK);
        }
    }

    public static SamplingOptions defaults() {
        return new SamplingOptions(500, 0.8, 0, 42L);
    }
}
