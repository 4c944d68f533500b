package io.rnnsuite.examples.compare;

import io.rnnsuite.common.app.CompareSection;
import io.rnnsuite.common.app.SectionResult;
import io.rnnsuite.common.app.CompareSettings;
import io.rnnsuite.common.app.SectionProgress;

import io.rnnsuite.charlm.CharLmComparison;
import io.rnnsuite.charlm.CharLmConfig;
import io.rnnsuite.charlm.CharLmEvaluation;
import io.rnnsuite.charlm.CorpusText;
import io.rnnsuite.common.train.TrainingConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Character language model on Europarl English: SimpleRnn, LSTM and a 2-layer LSTM (a language
 * model cannot be bidirectional: it would read the characters it predicts) beside unigram and
 * n-gram baselines.
 */
final class CharLmSection implements CompareSection {

    @Override
    public String app() {
        return "charlm";
    }

    @Override
    public int modelCount(CompareSettings settings) {
        return 3;
    }

    @Override
    public SectionResult run(CompareSettings settings, Path dir, SectionProgress progress) {
        CharLmConfig base = settings.quick() ? CharLmConfig.defaults().withSizes(64, 100, 50) : CharLmConfig.defaults();
        TrainingConfig training = settings.budgeted(TrainingConfig.defaults());
        CharLmComparison.Outcome outcome = new CharLmComparison(base, training, label -> progress.reporter("charlm", List.of(label)))
                .run(CorpusText.bundled("europarl-en"), "The ", dir);
        List<SectionResult.Titled<String>> samples = new ArrayList<>();
        for (CharLmComparison.Variant v : outcome.variants()) {
            samples.add(new SectionResult.Titled<>(v.label() + " sample (temperature 0.8)",
                    v.samples().size() > 1 ? v.samples().get(1) : v.samples().get(0)));
        }
        double bestModel = outcome.variants().stream().mapToDouble(v -> v.result().evaluation().test().bitsPerSymbol()).min().orElse(Double.NaN);
        double bestBaseline = outcome.baselines().stream().mapToDouble(b -> b.test().bitsPerSymbol()).min().orElse(Double.NaN);
        String reading = String.format(Locale.ROOT, "Best recurrent model: %.3f bits per character on the test part; best n-gram "
                + "baseline: %.3f. Under a budget this short the recurrent models are still learning when they stop.", bestModel, bestBaseline);
        return new SectionResult(app(), "Character language model: europarl-en",
                "Contiguous 90/5/5 split of the English Europarl lines; one-hot characters; truncated BPTT; bits per character "
                        + "(lower is better) by the same evaluation code for networks and count models.",
                List.of(new SectionResult.Titled<>("test part", outcome.table())), reading,
                List.of(new SectionResult.Titled<>("validation bits per character over training time", dir.resolve("char-lm-learning-curves.png"))),
                samples, data(outcome));
    }

    /** Every figure of the page's table, for results.json. */
    private static List<Map<String, Object>> data(CharLmComparison.Outcome outcome) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CharLmComparison.Variant v : outcome.variants()) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("model", v.label());
            map.put("validationBitsPerChar", v.result().evaluation().validation().bitsPerSymbol());
            map.put("testBitsPerChar", v.result().evaluation().test().bitsPerSymbol());
            map.put("testPerplexity", v.result().evaluation().test().perplexity());
            map.put("parameters", v.result().model().network().numParams());
            map.put("epochs", v.result().training().history().size());
            map.put("trainingSeconds", v.result().training().trainingSeconds());
            map.put("trainCharsPerSecond", v.result().trainingCharsPerSecond());
            map.put("sampleCharsPerSecond", v.samplingCharsPerSecond());
            map.put("peakMiB", v.peakMiB());
            rows.add(map);
        }
        for (CharLmEvaluation b : outcome.baselines()) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("model", b.model());
            map.put("baseline", true);
            map.put("validationBitsPerChar", b.validation().bitsPerSymbol());
            map.put("testBitsPerChar", b.test().bitsPerSymbol());
            map.put("testPerplexity", b.test().perplexity());
            rows.add(map);
        }
        return rows;
    }
}
