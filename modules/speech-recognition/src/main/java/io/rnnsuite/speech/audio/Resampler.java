package io.rnnsuite.speech.audio;

/**
 * Band-limited resampling by windowed-sinc interpolation: each output sample is the input
 * convolved with a low-pass sinc (cut just below the lower of the two Nyquist frequencies, so
 * downsampling does not alias) under a Hann window spanning {@link #ZERO_CROSSINGS} zero crossings
 * on each side.
 */
public final class Resampler {

    /** Zero crossings of the sinc kept on each side: a sharper cut-off costs proportionally more. */
    static final int ZERO_CROSSINGS = 16;
    /** The cut-off as a share of the lower Nyquist frequency (leaves room for the transition band). */
    static final double CUTOFF = 0.95;

    private Resampler() {
    }

    /** {@code input} at {@code from} Hz resampled to {@code to} Hz. */
    public static float[] resample(float[] input, int from, int to) {
        if (from == to) {
            return input.clone();
        }
        double step = from / (double) to;            // input samples per output sample
        double cut = CUTOFF * Math.min(1.0, to / (double) from); // cut-off, in cycles per 2 input samples
        double halfWidth = ZERO_CROSSINGS / cut;     // in input samples
        int outLength = (int) Math.floor(input.length / step);
        float[] out = new float[outLength];
        for (int n = 0; n < outLength; n++) {
            double position = n * step;
            int first = (int) Math.ceil(position - halfWidth);
            int last = (int) Math.floor(position + halfWidth);
            double sum = 0;
            for (int k = Math.max(0, first); k <= Math.min(input.length - 1, last); k++) {
                double t = position - k;
                sum += input[k] * cut * sinc(cut * t) * (0.5 + 0.5 * Math.cos(Math.PI * t / halfWidth));
            }
            out[n] = (float) sum;
        }
        return out;
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }
}
