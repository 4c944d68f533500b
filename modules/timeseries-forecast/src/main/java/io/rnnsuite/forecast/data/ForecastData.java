package io.rnnsuite.forecast.data;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.forecast.ForecastConfig;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A series ready for forecasting: the chosen columns (target first), the split, the normaliser
 * fitted on the training part, and the sliding windows as network inputs and targets.
 *
 * <p>Network inputs for origin {@code o} are the normalised columns over rows {@code [o − L, o)},
 * shaped {@code [1, columns, L]}. Targets are the normalised target over {@code [o, o + H)}. With
 * {@code relativeToLast} the normalised last observed target value is subtracted from the target
 * column's inputs and from the targets: the network sees the shape of the recent past, not its
 * level, and learns a correction to persistence. That keeps inputs inside the range seen in
 * training when a trend carries the test part beyond it (a z-scored level would saturate tanh).
 */
public final class ForecastData {

    private final Series series;
    private final String[] columns;
    private final double[][] raw;
    private final double[][] normalized;
    private final SplitPlan split;
    private final Normalizer normalizer;
    private final boolean relativeToLast;

    private ForecastData(Series series, String[] columns, double[][] raw, SplitPlan split, Normalizer normalizer,
                         boolean relativeToLast) {
        this.series = series;
        this.columns = columns;
        this.raw = raw;
        this.split = split;
        this.normalizer = normalizer;
        this.relativeToLast = relativeToLast;
        this.normalized = new double[raw.length][raw[0].length];
        for (int c = 0; c < raw.length; c++) {
            for (int t = 0; t < raw[c].length; t++) {
                normalized[c][t] = normalizer.normalize(c, raw[c][t]);
            }
        }
    }

    /**
     * Selects columns, splits and fits the normaliser on the training part of {@code series}.
     *
     * @param config a resolved configuration (target, lookback, horizon set)
     */
    public static ForecastData prepare(Series series, ForecastConfig config) {
        String[] columns = inputColumns(series, config);
        double[][] raw = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            raw[c] = series.column(columns[c]);
        }
        if (config.logTransform()) {
            for (int t = 0; t < raw[0].length; t++) {
                if (!(raw[0][t] > 0)) {
                    throw new UserInputException(series.source() + ", line " + (t + 2) + ", column '" + columns[0]
                            + "': --log needs positive values, got " + raw[0][t]);
                }
            }
        }
        SplitPlan split = SplitPlan.of(series.length(), config.lookback(), config.horizon(),
                config.validationFraction(), config.testFraction(), series.source());
        Normalizer normalizer = Normalizer.fit(columns, raw, split.trainEnd(), config.logTransform(), series.source());
        return new ForecastData(series, columns, raw, split, normalizer, config.relativeToLast());
    }

    /** A series to forecast beyond its end with a saved model's normaliser (no split, no refitting). */
    public static ForecastData withNormalizer(Series series, ForecastConfig config, Normalizer normalizer) {
        String[] columns = inputColumns(series, config);
        double[][] raw = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            raw[c] = series.column(columns[c]);
        }
        if (series.length() < config.lookback()) {
            throw new UserInputException(series.source() + " has " + series.length() + " rows, the model needs at least "
                    + config.lookback() + " (its lookback)");
        }
        // Only the last L rows matter for a forecast from the end of the series: no split needed.
        SplitPlan split = new SplitPlan(series.length(), config.lookback(), config.horizon(), series.length(), series.length());
        return new ForecastData(series, columns, raw, split, normalizer, config.relativeToLast());
    }

    private static String[] inputColumns(Series series, ForecastConfig config) {
        String target = config.target();
        if (target == null) {
            if (series.columnNames().size() != 1) {
                throw new UserInputException(series.source() + " has several numeric columns ("
                        + String.join(", ", series.columnNames()) + "): choose one with --target");
            }
            target = series.columnNames().get(0);
        }
        List<String> columns = new ArrayList<>();
        columns.add(target);
        series.columnIndex(target);
        for (String feature : config.features()) {
            series.columnIndex(feature);
            if (!columns.contains(feature)) {
                columns.add(feature);
            }
        }
        return columns.toArray(String[]::new);
    }

    public Series series() {
        return series;
    }

    public SplitPlan split() {
        return split;
    }

    public Normalizer normalizer() {
        return normalizer;
    }

    public String[] columns() {
        return columns.clone();
    }

    public int inputColumns() {
        return columns.length;
    }

    /** The raw target values. */
    public double[] target() {
        return raw[0];
    }

    /** The raw values of input column {@code c} (0 = target). */
    public double[] rawColumn(int c) {
        return raw[c];
    }

    /** Normalised inputs of one window, {@code [column][step]} (see class comment). */
    public double[][] inputWindow(int origin) {
        int lookback = split.lookback();
        double base = relativeToLast ? normalized[0][origin - 1] : 0;
        double[][] window = new double[columns.length][lookback];
        for (int c = 0; c < columns.length; c++) {
            for (int s = 0; s < lookback; s++) {
                window[c][s] = normalized[c][origin - lookback + s] - (c == 0 ? base : 0);
            }
        }
        return window;
    }

    /** The network's targets for one window (see class comment). */
    public double[] modelTargets(int origin) {
        double base = relativeToLast ? normalized[0][origin - 1] : 0;
        double[] targets = new double[split.horizon()];
        for (int k = 0; k < targets.length; k++) {
            targets[k] = normalized[0][origin + k] - base;
        }
        return targets;
    }

    /** Turns network outputs for a window back into target values. */
    public double[] toTargetScale(int origin, double[] modelOutput) {
        double base = relativeToLast ? normalized[0][origin - 1] : 0;
        double[] values = new double[modelOutput.length];
        for (int k = 0; k < values.length; k++) {
            values[k] = normalizer.denormalizeTarget(modelOutput[k] + base);
        }
        return values;
    }

    /** The actual target values a window forecasts. */
    public double[] actual(int origin) {
        double[] values = new double[split.horizon()];
        System.arraycopy(raw[0], origin, values, 0, values.length);
        return values;
    }

    /** Network input for many windows, {@code [windows, columns, L]}. */
    public INDArray features(List<Integer> origins) {
        int lookback = split.lookback();
        float[] flat = new float[origins.size() * columns.length * lookback];
        int i = 0;
        for (int origin : origins) {
            for (double[] column : inputWindow(origin)) {
                for (double v : column) {
                    flat[i++] = (float) v;
                }
            }
        }
        return Nd4j.create(flat, new long[] {origins.size(), columns.length, lookback}, 'c');
    }

    /** Network targets for many windows, {@code [windows, H]}. */
    public INDArray labels(List<Integer> origins) {
        int horizon = split.horizon();
        float[] flat = new float[origins.size() * horizon];
        int i = 0;
        for (int origin : origins) {
            for (double v : modelTargets(origin)) {
                flat[i++] = (float) v;
            }
        }
        return Nd4j.create(flat, new long[] {origins.size(), horizon}, 'c');
    }

    /** One example per window, for {@link io.rnnsuite.common.train.BatchSource#shuffled}. */
    public List<MultiDataSet> examples(List<Integer> origins) {
        List<MultiDataSet> examples = new ArrayList<>(origins.size());
        for (int origin : origins) {
            List<Integer> one = List.of(origin);
            examples.add(new MultiDataSet(features(one), labels(one)));
        }
        return examples;
    }

    /** All windows as one batch (validation). */
    public MultiDataSet batch(List<Integer> origins) {
        return new MultiDataSet(features(origins), labels(origins));
    }
}
