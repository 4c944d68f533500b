package io.rnnsuite.speech.audio;

/**
 * Band-limited resampling by windowed-sinc interpolation: each output sample is the input
 * convolved with a low-pass sinc (cut just below the lower of the two Nyquist frequencies, so
 * downsampling does not alias) under a Hann window spanning {@link #ZERO_CROSSINGS} zero crossings
 * on each side, the weights of each kernel phase computed once.
 */
public final class Resampler {

    /** Zero crossings of the sinc kept on each side: a sharper cut-off costs proportionally more. */
    static final int ZERO_CROSSINGS = 16;
    /** The cut-off as a share of the lower Nyquist frequency (leaves room for the transition band). */
    static final double CUTOFF = 0.95;

    private Resampler() {
    }

    /** Most distinct kernel phases kept in a table; rarer rate pairs compute every weight directly. */
    static final int MAX_PHASES = 4096;

    /**
     * {@code input} at {@code from} Hz resampled to {@code to} Hz. Output sample n sits at input
     * position n · from / to, whose fractional part takes only {@code to / gcd(from, to)} values: the
     * kernel weights of each are computed once (a polyphase table), so common rate pairs cost one
     * multiply-add per tap.
     */
    public static float[] resample(float[] input, int from, int to) {
        if (from == to) {
            return input.clone();
        }
        double cut = CUTOFF * Math.min(1.0, to / (double) from); // cut-off, in cycles per 2 input samples
        double halfWidth = ZERO_CROSSINGS / cut;     // in input samples
        int divisor = gcd(from, to);
        int down = from / divisor;                   // output n sits at input position n * down / up
        int up = to / divisor;
        int outLength = (int) ((long) input.length * to / from);
        float[] out = new float[outLength];
        if (up > MAX_PHASES) {
            for (int n = 0; n < outLength; n++) {
                double position = (double) n * from / to;
                int first = (int) Math.ceil(position - halfWidth);
                int last = (int) Math.floor(position + halfWidth);
                double sum = 0;
                for (int k = Math.max(0, first); k <= Math.min(input.length - 1, last); k++) {
                    sum += input[k] * weight(position - k, cut, halfWidth);
                }
                out[n] = (float) sum;
            }
            return out;
        }
        int[] offsets = new int[up];
        double[][] weights = new double[up][];
        for (int r = 0; r < up; r++) {
            double fraction = r / (double) up;
            offsets[r] = (int) Math.ceil(fraction - halfWidth);
            int last = (int) Math.floor(fraction + halfWidth);
            weights[r] = new double[last - offsets[r] + 1];
            for (int j = 0; j < weights[r].length; j++) {
                weights[r][j] = weight(fraction - (offsets[r] + j), cut, halfWidth);
            }
        }
        for (int n = 0; n < outLength; n++) {
            long numerator = (long) n * down;
            int base = (int) (numerator / up);
            int r = (int) (numerator % up);
            double[] w = weights[r];
            int first = base + offsets[r];
            int jFrom = Math.max(0, -first);
            int jTo = Math.min(w.length - 1, input.length - 1 - first);
            double sum = 0;
            for (int j = jFrom; j <= jTo; j++) {
                sum += input[first + j] * w[j];
            }
            out[n] = (float) sum;
        }
        return out;
    }

    /** The windowed-sinc weight of an input sample {@code t} input samples from the output position. */
    static double weight(double t, double cut, double halfWidth) {
        return cut * sinc(cut * t) * (0.5 + 0.5 * Math.cos(Math.PI * t / halfWidth));
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }
}
