package io.rnnsuite.common;

import java.util.Locale;

/**
 * How a many-to-one network turns the recurrent outputs of every time step into one vector.
 * All three respect masks, so a padded sequence gives the same vector as the unpadded one.
 */
public enum SequencePooling {
    /** The output at the last unmasked time step ({@code LastTimeStep}). */
    LAST,
    /** The mean over unmasked time steps ({@code GlobalPoolingLayer} AVG). */
    MEAN,
    /** The element-wise maximum over unmasked time steps ({@code GlobalPoolingLayer} MAX). */
    MAX;

    /**
     * Default for a recurrent stack: the last step for one direction; the mean for two, because
     * at the last step the backward direction has read only one element.
     */
    public static SequencePooling defaultFor(RecurrentSpec spec) {
        return spec.bidirectional() ? MEAN : LAST;
    }

    public static SequencePooling parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("unknown pooling '" + text + "': expected last, mean or max");
        }
    }
}
