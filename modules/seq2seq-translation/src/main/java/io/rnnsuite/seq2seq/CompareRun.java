package io.rnnsuite.seq2seq;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.io.AtomicFiles;
import io.rnnsuite.common.report.MarkdownTable;
import io.rnnsuite.common.report.PeakMemory;
import io.rnnsuite.common.train.ProgressReporter;
import io.rnnsuite.seq2seq.data.PairSource;
import io.rnnsuite.seq2seq.model.TranslationEvaluation;
import io.rnnsuite.seq2seq.report.AttentionHeatMap;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code translate compare}: the same pairs, split and budget for SimpleRnn, LSTM, BiLSTM-encoder
 * and LSTM + attention, each decoded greedily and with a beam; one table of exact match, BLEU,
 * chrF, training time and decoding speed, plus exact match by source length, and an attention heat
 * map ({@code attention-heatmap.png}) of the attention model.
 */
public final class CompareRun {

    /**
     * One model's figures.
     *
     * @param label          model name
     * @param greedy         greedy test evaluation
     * @param beam           beam test evaluation
     * @param trainingSeconds wall-clock training time
     * @param parameters     trainable parameters
     * @param trainSentencesPerSecond training pairs processed per second
     * @param peakMiB        peak heap-in-use plus off-heap memory while the model trained and decoded the test
     *                       pairs greedily (common PeakMemory; the beam decoding afterwards is not included)
     * @param epochs         epochs trained (early stopping or a time budget may end training before the maximum)
     */
    public record Row(String label, TranslationEvaluation greedy, TranslationEvaluation beam, double trainingSeconds,
                      long parameters, double trainSentencesPerSecond, double peakMiB, int epochs) {
    }

    private CompareRun() {
    }

    /** The compared variants: SimpleRnn, LSTM, BiLSTM encoder, LSTM + attention, at the configured width. */
    public static List<TranslationConfig> variants(TranslationConfig base) {
        int hidden = base.encoder().hiddenSize();
        return List.of(
                base.withEncoder(new RecurrentSpec(CellType.SIMPLE_RNN, hidden, 1, false, 0.0), false),
                base.withEncoder(new RecurrentSpec(CellType.LSTM, hidden, 1, false, 0.0), false),
                // half width per direction: the decoder sees an encoder output as wide as the others'
                base.withEncoder(new RecurrentSpec(CellType.LSTM, Math.max(1, hidden / 2), 1, true, 0.0), false),
                base.withEncoder(new RecurrentSpec(CellType.LSTM, hidden, 1, false, 0.0), true));
    }

    /**
     * Trains every variant under {@code budgetPerModel} and writes {@code reportDir/seq2seq-compare.md}
     * and, for the attention model, {@code reportDir/}{@code attention-heatmap.png}.
     *
     * @param beamWidth      beam width of the second decoding column
     * @param budgetPerModel wall-clock training budget per model; zero or {@code null}: none (epochs only)
     */
    public static List<Row> run(PairSource source, TranslationConfig base, int beamWidth, Duration budgetPerModel,
                                Path reportDir, PrintStream out, ProgressReporter progress) {
        List<Row> rows = new ArrayList<>();
        boolean heatMap = false;
        for (TranslationConfig variant : variants(base)) {
            TranslationConfig config = variant.withTraining(base.training().withTimeBudget(budgetPerModel)).withBeamWidth(1);
            out.println("== " + config.label());
            PeakMemory.Measured<TrainRun.Result> measured =
                    PeakMemory.during(() -> TrainRun.run(source, config, null, false, out, progress));
            TrainRun.Result result = measured.value();
            TranslationEvaluation beam = TranslationEvaluation.of(result.translator(), result.split().test(), beamWidth);
            TrainRun.print(beam, out);
            if (config.attention() && reportDir != null) {
                Path png = reportDir.resolve(AttentionHeatMap.FILE_NAME);
                try {
                    AttentionHeatMap.write(result.translator(), result.test().pairs(), png);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + png, e);
                }
                out.println("attention heat map written to " + png);
                heatMap = true;
            }
            rows.add(new Row(config.label(), result.test(), beam, result.trained().training().trainingSeconds(),
                    result.translator().graph().numParams(), result.trained().training().sequencesPerSecond(),
                    measured.peakMiB(), result.trained().training().history().size()));
        }
        String report = report(source, rows, beamWidth, heatMap);
        out.print(table(rows, beamWidth).toText());
        if (reportDir != null) {
            try {
                AtomicFiles.writeString(reportDir.resolve("seq2seq-compare.md"), report);
                out.println("report written to " + reportDir.resolve("seq2seq-compare.md"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the report in " + reportDir, e);
            }
        }
        return rows;
    }

    static MarkdownTable table(List<Row> rows, int beamWidth) {
        MarkdownTable table = new MarkdownTable("model", "parameters", "epochs", "training s", "exact (greedy)", "BLEU (greedy)",
                "chrF (greedy)", "exact (beam " + beamWidth + ")", "BLEU (beam " + beamWidth + ")",
                "chrF (beam " + beamWidth + ")", "sentences/s greedy", "sentences/s beam");
        for (Row r : rows) {
            table.row(r.label(), r.parameters(), r.epochs(), String.format(Locale.ROOT, "%.0f", r.trainingSeconds()),
                    MarkdownTable.number(r.greedy().exactMatch()), MarkdownTable.number(r.greedy().bleu()),
                    MarkdownTable.number(r.greedy().chrF()), MarkdownTable.number(r.beam().exactMatch()),
                    MarkdownTable.number(r.beam().bleu()), MarkdownTable.number(r.beam().chrF()),
                    String.format(Locale.ROOT, "%.1f", r.greedy().sentencesPerSecond()),
                    String.format(Locale.ROOT, "%.1f", r.beam().sentencesPerSecond()));
        }
        return table;
    }

    private static String report(PairSource source, List<Row> rows, int beamWidth, boolean heatMap) {
        StringBuilder md = new StringBuilder("# seq2seq-translation: model comparison\n\n");
        md.append("Data: ").append(source.describe()).append(". Test split: sources never seen in training.\n\n");
        md.append(table(rows, beamWidth).toMarkdown()).append('\n');
        Set<String> buckets = new LinkedHashSet<>();
        rows.forEach(r -> buckets.addAll(r.greedy().byLength().keySet()));
        List<String> header = new ArrayList<>(List.of("model (greedy exact match)"));
        buckets.forEach(b -> header.add(b + " tokens"));
        MarkdownTable byLength = new MarkdownTable(header.toArray(String[]::new));
        for (Row r : rows) {
            List<Object> cells = new ArrayList<>(List.of(r.label()));
            buckets.forEach(b -> {
                double[] v = r.greedy().byLength().get(b);
                cells.add(v == null ? "" : MarkdownTable.number(v[0]) + " (" + (int) v[1] + ")");
            });
            byLength.row(cells.toArray());
        }
        md.append("\nExact match by source length (sentences in brackets):\n\n").append(byLength.toMarkdown());
        if (heatMap) {
            md.append("\nAttention of the attention model on ").append(AttentionHeatMap.SENTENCES)
                    .append(" test sentences (rows: output tokens, columns: source tokens, darker = more weight):\n\n")
                    .append("![attention heat map](").append(AttentionHeatMap.FILE_NAME).append(")\n");
        }
        return md.toString();
    }
}
