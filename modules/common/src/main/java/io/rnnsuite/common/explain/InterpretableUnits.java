package io.rnnsuite.common.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the units that are easiest to read: for every unit (hidden state, and LSTM cell state) the
 * property of the input its activation correlates with best, ranked by the size of that correlation.
 */
public final class InterpretableUnits {

    /** At most this many units per property, so one strong property does not crowd out the rest. */
    public static final int PER_PROPERTY = 2;

    private InterpretableUnits() {
    }

    /**
     * The {@code limit} most interpretable units, strongest |correlation| first. Each unit (layer and
     * index) appears once, with the state and property it follows best; constant activations and
     * constant properties are skipped (no correlation exists).
     */
    public static List<UnitFinding> rank(List<LayerTrace> traces, Map<String, double[]> properties, int limit) {
        List<UnitFinding> best = new ArrayList<>();
        for (int l = 0; l < traces.size(); l++) {
            LayerTrace trace = traces.get(l);
            for (int j = 0; j < trace.units(); j++) {
                UnitFinding top = null;
                for (String state : trace.cells() == null ? List.of("hidden") : List.of("hidden", "cell")) {
                    double[] series = column("cell".equals(state) ? trace.cells() : trace.hidden(), j);
                    for (Map.Entry<String, double[]> property : properties.entrySet()) {
                        double r = pearson(series, property.getValue());
                        if (!Double.isNaN(r) && (top == null || Math.abs(r) > Math.abs(top.correlation()))) {
                            top = new UnitFinding(l, state, j, property.getKey(), r);
                        }
                    }
                }
                if (top != null) {
                    best.add(top);
                }
            }
        }
        best.sort(Comparator.comparingDouble((UnitFinding f) -> -Math.abs(f.correlation()))
                .thenComparingInt(UnitFinding::layer).thenComparingInt(UnitFinding::unit));
        List<UnitFinding> chosen = new ArrayList<>();
        Map<String, Integer> perProperty = new HashMap<>();
        for (UnitFinding finding : best) {
            if (chosen.size() == limit) {
                break;
            }
            int already = perProperty.getOrDefault(finding.property(), 0);
            if (already < PER_PROPERTY) {
                chosen.add(finding);
                perProperty.put(finding.property(), already + 1);
            }
        }
        return chosen;
    }

    /** Column {@code j} of {@code [step][unit]} values. */
    public static double[] column(double[][] values, int j) {
        double[] out = new double[values.length];
        for (int t = 0; t < values.length; t++) {
            out[t] = values[t][j];
        }
        return out;
    }

    /** Pearson's correlation; NaN when either series is constant (relative spread below 1e-12). */
    public static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx <= 1e-24 * n || syy <= 1e-24 * n) {
            return Double.NaN;
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
