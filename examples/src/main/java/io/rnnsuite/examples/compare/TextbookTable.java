package io.rnnsuite.examples.compare;

import io.rnnsuite.common.app.SectionFacts;
import io.rnnsuite.common.app.SectionResult;
import io.rnnsuite.common.report.MarkdownTable;
import io.rnnsuite.common.stats.SeedComparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The textbook's RNN-versus-LSTM table, filled in from this run: one row per claim (memory
 * capacity, vanishing gradients, training stability, computational cost, application fit), the
 * figures that test it, and a word: agrees, disagrees or tie (untested where this run did not
 * measure it).
 */
final class TextbookTable {

    static final String SIMPLE = "simple_rnn";
    static final String LSTM = "lstm";
    static final String GRU = "gru";

    private TextbookTable() {
    }

    static MarkdownTable build(List<SectionResult> results) {
        List<SectionFacts> facts = new ArrayList<>();
        results.forEach(r -> facts.addAll(r.facts()));
        MarkdownTable table = new MarkdownTable("property", "textbook claim", "measured in this run", "verdict");
        memory(table, facts);
        gradients(table, facts);
        stability(table, facts);
        cost(table, facts);
        fit(table, facts);
        return table;
    }

    private static void memory(MarkdownTable table, List<SectionFacts> facts) {
        Map<String, Integer> solved = facts.stream().filter(f -> !f.longestSolved().isEmpty()).map(SectionFacts::longestSolved)
                .findFirst().orElse(Map.of());
        String claim = "a plain RNN loses long-range information; an LSTM's cell state keeps it";
        if (!solved.containsKey(SIMPLE) || !solved.containsKey(LSTM)) {
            table.row("memory capacity", claim, "not measured (run the lab section)", "untested");
            return;
        }
        String measured = "adding problem, longest T solved: " + join(solved, v -> v == 0 ? "none" : "T = " + v);
        int s = solved.get(SIMPLE);
        int l = solved.get(LSTM);
        table.row("memory capacity", claim, measured, l > s ? "agrees" : l == s ? "tie" : "disagrees");
    }

    private static void gradients(MarkdownTable table, List<SectionFacts> facts) {
        Map<String, Double> ratio = facts.stream().filter(f -> !f.gradientRatio().isEmpty()).map(SectionFacts::gradientRatio)
                .findFirst().orElse(Map.of());
        String claim = "backpropagated through a plain RNN, the gradient vanishes over time steps; the LSTM's gates let it through";
        if (!ratio.containsKey(SIMPLE) || !ratio.containsKey(LSTM)) {
            table.row("vanishing gradient", claim, "not measured (run the lab section)", "untested");
            return;
        }
        String measured = "‖∂L/∂x₁‖ / ‖∂L/∂x_T‖ after training: " + join(ratio, MarkdownTable::number);
        double s = ratio.get(SIMPLE);
        double l = ratio.get(LSTM);
        table.row("vanishing gradient", claim, measured, l > 2 * s ? "agrees" : s > 2 * l ? "disagrees" : "tie");
    }

    private static void stability(MarkdownTable table, List<SectionFacts> facts) {
        String claim = "plain RNNs train less stably (exploding gradients, sensitivity to the seed); LSTMs more stably";
        double simpleSd = 0;
        double lstmSd = 0;
        int pairs = 0;
        double simpleClip = 0;
        double lstmClip = 0;
        int clipPairs = 0;
        for (SectionFacts f : facts) {
            Double s = f.seedSd().get(SIMPLE);
            Double l = f.seedSd().get(LSTM);
            if (s != null && l != null && Double.isFinite(s) && Double.isFinite(l) && (s > 0 || l > 0)) {
                simpleSd += s > l ? 1 : 0;
                lstmSd += l > s ? 1 : 0;
                pairs++;
            }
            Double sc = f.clippedShare().get(SIMPLE);
            Double lc = f.clippedShare().get(LSTM);
            if (sc != null && lc != null) {
                simpleClip += sc;
                lstmClip += lc;
                clipPairs++;
            }
        }
        if (pairs == 0 && clipPairs == 0) {
            table.row("training stability", claim, "not measured (needs --seeds 2 or more)", "untested");
            return;
        }
        String spread = pairs == 0 ? "seed spread not measured (one seed)"
                : String.format(Locale.ROOT, "seed spread of the headline metric larger for simple_rnn on %d, for lstm on %d of "
                        + "%d datasets", (int) simpleSd, (int) lstmSd, pairs);
        String measured = String.format(Locale.ROOT, "%s; gradient steps changed by clipping: simple_rnn %.0f %%, lstm %.0f %% "
                        + "(mean over datasets)", spread, clipPairs == 0 ? 0 : 100 * simpleClip / clipPairs,
                clipPairs == 0 ? 0 : 100 * lstmClip / clipPairs);
        String verdict = pairs == 0 ? "untested" : simpleSd > lstmSd ? "agrees" : simpleSd < lstmSd ? "disagrees" : "tie";
        table.row("training stability", claim, measured, verdict);
    }

    private static void cost(MarkdownTable table, List<SectionFacts> facts) {
        String claim = "an LSTM costs about 4× a plain RNN per step (four gate blocks), a GRU about 3×";
        List<Double> lstmRatios = new ArrayList<>();
        List<Double> gruRatios = new ArrayList<>();
        List<Double> paramRatios = new ArrayList<>();
        for (SectionFacts f : facts) {
            Double s = f.msPerUpdate().get(SIMPLE);
            if (s == null || !(s > 0)) {
                continue;
            }
            if (f.msPerUpdate().containsKey(LSTM)) {
                lstmRatios.add(f.msPerUpdate().get(LSTM) / s);
                paramRatios.add(f.parameters().get(LSTM) / (double) f.parameters().get(SIMPLE));
            }
            if (f.msPerUpdate().containsKey(GRU)) {
                gruRatios.add(f.msPerUpdate().get(GRU) / s);
            }
        }
        if (lstmRatios.isEmpty()) {
            table.row("computational cost", claim, "not measured", "untested");
            return;
        }
        double lstm = median(lstmRatios);
        String measured = String.format(Locale.ROOT, "time per update, median over %d datasets: lstm %.1f×%s simple_rnn's "
                        + "(whole networks, embeddings and output layers included); parameters lstm %.1f×",
                lstmRatios.size(), lstm, gruRatios.isEmpty() ? "" : String.format(Locale.ROOT, ", gru %.1f×", median(gruRatios)),
                median(paramRatios));
        table.row("computational cost", claim, measured, lstm >= 2 ? "agrees" : lstm > 1.2 ? "agrees in direction" : "disagrees");
    }

    private static void fit(MarkdownTable table, List<SectionFacts> facts) {
        String claim = "LSTMs suit long sequences (translation, language, speech); a plain RNN can do for short ones";
        List<String> parts = new ArrayList<>();
        int agrees = 0;
        int disagrees = 0;
        int ties = 0;
        for (SectionFacts f : facts) {
            if (f.verdicts().isEmpty() && f.bestAtEqualTime() == null) {
                continue;
            }
            SeedComparison lstmVsSimple = f.verdicts().stream().filter(v -> v.a().equals(LSTM) && v.b().equals(SIMPLE))
                    .findFirst().orElse(null);
            String verdict = lstmVsSimple == null ? "–" : lstmVsSimple.verdict().words();
            if (lstmVsSimple != null) {
                switch (lstmVsSimple.verdict()) {
                    case BEATS -> agrees++;
                    case LOSES_TO -> disagrees++;
                    default -> ties++;
                }
            }
            parts.add(f.app() + (f.dataset() == null ? "" : " " + f.dataset()) + ": lstm " + verdict + " simple_rnn; best at "
                    + "equal time " + f.bestAtEqualTime() + ", at equal updates " + f.bestAtEqualUpdates());
        }
        if (parts.isEmpty()) {
            table.row("application fit", claim, "not measured", "untested");
            return;
        }
        String verdict = agrees > disagrees && agrees >= ties ? "agrees" : disagrees > agrees && disagrees >= ties ? "disagrees"
                : "tie";
        table.row("application fit", claim, String.join("; ", parts), verdict + String.format(Locale.ROOT,
                " (lstm beats simple_rnn on %d, loses on %d, ties on %d)", agrees, disagrees, ties));
    }

    private static <V> String join(Map<String, V> byCell, Function<V, String> format) {
        return String.join(", ", byCell.entrySet().stream().map(e -> e.getKey() + " " + format.apply(e.getValue())).toList());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
