package io.rnnsuite.examples.compare;

import io.rnnsuite.common.app.CompareSection;
import io.rnnsuite.common.app.SectionResult;
import io.rnnsuite.common.app.CompareSettings;
import io.rnnsuite.common.app.SectionProgress;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.report.MarkdownTable;
import io.rnnsuite.datasets.SentencePair;
import io.rnnsuite.seq2seq.CompareRun;
import io.rnnsuite.seq2seq.TranslationConfig;
import io.rnnsuite.seq2seq.data.PairSource;
import io.rnnsuite.seq2seq.model.TranslationEvaluation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Translation of spelled-out numbers, English → French: SimpleRnn, LSTM, BiLSTM encoder and LSTM
 * with attention, greedy and beam 4, exact match / BLEU / chrF on test sentences never seen in
 * training.
 */
final class TranslateSection implements CompareSection {

    private static final int BEAM = 4;
    private static final int EXAMPLES = 10;

    @Override
    public String app() {
        return "translate";
    }

    @Override
    public int modelCount(CompareSettings settings) {
        return 4;
    }

    @Override
    public SectionResult run(CompareSettings settings, Path dir, SectionProgress progress) throws java.io.IOException {
        TranslationConfig defaults = TranslationConfig.defaults();
        TranslationConfig base = settings.quick()
                ? defaults.withEncoder(new RecurrentSpec(CellType.LSTM, 64, 1, false, 0.0), false) : defaults;
        base = base.withTraining(settings.budgeted(base.training()));
        PairSource source = PairSource.generated("numbers-en-fr", settings.quick() ? 1500 : TranslationConfig.DEFAULT_PAIRS, false);
        Files.createDirectories(dir);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<CompareRun.Row> rows = CompareRun.run(source, base, BEAM, Duration.ofMillis(Math.round(settings.secondsPerModel() * 1000)),
                dir, new PrintStream(log, true, StandardCharsets.UTF_8),
                progress.reporter("translate", CompareRun.variants(base).stream().map(TranslationConfig::label).toList()));
        MarkdownTable table = new MarkdownTable("model", "exact (greedy)", "BLEU (greedy)", "chrF (greedy)",
                "exact (beam " + BEAM + ")", "BLEU (beam " + BEAM + ")", "train s", "train sentences/s",
                "greedy sentences/s", "beam sentences/s", "parameters", "peak MiB");
        for (CompareRun.Row r : rows) {
            table.row(r.label(), r.greedy().exactMatch(), r.greedy().bleu(), r.greedy().chrF(), r.beam().exactMatch(),
                    r.beam().bleu(), r.trainingSeconds(), r.trainSentencesPerSecond(), r.greedy().sentencesPerSecond(),
                    r.beam().sentencesPerSecond(), r.parameters(), r.peakMiB());
        }
        CompareRun.Row best = rows.stream().max(Comparator.comparingDouble(r -> r.greedy().exactMatch())).orElseThrow();
        CompareRun.Row plain = rows.get(0);
        String reading = String.format(Locale.ROOT, "Best: %s with %.1f %% of test sentences exactly right (greedy); the plain "
                        + "RNN gets %.1f %%. Every model trained for the same %.0f s.", best.label(), 100 * best.greedy().exactMatch(),
                100 * plain.greedy().exactMatch(), settings.secondsPerModel());
        return new SectionResult(app(), "Translation: numbers-en-fr",
                "English number words to French (ICU4J spell-out), character tokens; test sources never occur in training. "
                        + "Exact match is the share of sentences translated exactly; BLEU and chrF are corpus scores in [0, 1].",
                List.of(new SectionResult.Titled<>("test sentences", table)), reading, List.of(),
                List.of(new SectionResult.Titled<>("test translations by " + best.label() + " (greedy; ✗ marks an error)",
                        examples(best.greedy()))),
                rows.stream().map(TranslateSection::data).toList());
    }

    /** Every figure of one row of the page's table, for results.json. */
    private static Map<String, Object> data(CompareRun.Row r) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("model", r.label());
        map.put("exactGreedy", r.greedy().exactMatch());
        map.put("bleuGreedy", r.greedy().bleu());
        map.put("chrFGreedy", r.greedy().chrF());
        map.put("exactBeam", r.beam().exactMatch());
        map.put("bleuBeam", r.beam().bleu());
        map.put("chrFBeam", r.beam().chrF());
        map.put("trainingSeconds", r.trainingSeconds());
        map.put("trainSentencesPerSecond", r.trainSentencesPerSecond());
        map.put("greedySentencesPerSecond", r.greedy().sentencesPerSecond());
        map.put("beamSentencesPerSecond", r.beam().sentencesPerSecond());
        map.put("parameters", r.parameters());
        map.put("peakMiB", r.peakMiB());
        return map;
    }

    private static String examples(TranslationEvaluation evaluation) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(EXAMPLES, evaluation.translations().size()); i++) {
            SentencePair pair = evaluation.pairs().get(i);
            boolean right = evaluation.correct().get(i);
            sb.append(right ? "✓ " : "✗ ").append(pair.source()).append(" → ").append(evaluation.translations().get(i).text());
            if (!right) {
                sb.append("   (reference: ").append(pair.target()).append(')');
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
