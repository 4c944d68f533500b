package io.rnnsuite.common.explain;

/**
 * How often each unit of a gate sits in the flat ends of its sigmoid: left-saturated below
 * {@value #LEFT}, right-saturated above {@value #RIGHT} (the gate-saturation plot of Karpathy,
 * Johnson and Fei-Fei 2015, "Visualizing and Understanding Recurrent Networks"). A tanh unit in
 * [-1, 1] is read on the same scale after mapping it to (h + 1) / 2, i.e. below -0.8 and above 0.8.
 *
 * @param left  per unit, the share of steps with a value below {@value #LEFT}
 * @param right per unit, the share of steps with a value above {@value #RIGHT}
 */
public record Saturation(double[] left, double[] right) {

    public static final double LEFT = 0.1;
    public static final double RIGHT = 0.9;

    /** The shares for gate values {@code [step][unit]} in (0, 1). */
    public static Saturation ofGate(double[][] values) {
        return count(values, 1.0, 0.0);
    }

    /** The shares for tanh values {@code [step][unit]} in (-1, 1), read as (h + 1) / 2. */
    public static Saturation ofTanh(double[][] values) {
        return count(values, 0.5, 0.5);
    }

    private static Saturation count(double[][] values, double scale, double shift) {
        int units = values.length == 0 ? 0 : values[0].length;
        int[] low = new int[units];
        int[] high = new int[units];
        for (double[] step : values) {
            for (int j = 0; j < units; j++) {
                double v = step[j] * scale + shift;
                if (v < LEFT) {
                    low[j]++;
                } else if (v > RIGHT) {
                    high[j]++;
                }
            }
        }
        double[] left = new double[units];
        double[] right = new double[units];
        for (int j = 0; j < units; j++) {
            left[j] = low[j] / (double) values.length;
            right[j] = high[j] / (double) values.length;
        }
        return new Saturation(left, right);
    }

    /** The mean over units of the share of steps in neither flat end. */
    public double meanBetween() {
        double sum = 0;
        for (int j = 0; j < left.length; j++) {
            sum += 1 - left[j] - right[j];
        }
        return left.length == 0 ? 0 : sum / left.length;
    }
}
