package io.rnnsuite.seq2seq.model;

import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.datasets.SentencePair;
import io.rnnsuite.seq2seq.TranslationConfig;
import io.rnnsuite.seq2seq.data.PairSplit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Prints decoding speed (test sentences per second, median of 3 interleaved runs) on the default
 * numbers-en-fr model (LSTM 96, character tokens), briefly trained: greedy, beam 4 one sentence
 * at a time ({@link PerSentenceBeamSearch}, how beam search decoded before) and beam 4 batched over
 * each group of equally long sentences ({@link Translator#translate}). A benchmark, not a test: run
 * its {@code main} from the test classpath. Arguments: {@code [sentences (default 300)]
 * [batchesPerEpoch (default 10)] [epochs (default 1)]}.
 */
public final class DecodingSpeedBenchmark {

    private static final int RUNS = 3;
    private static final int BEAM = 4;

    private DecodingSpeedBenchmark() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        TranslationConfig defaults = TranslationConfig.defaults();
        TrainingConfig t = defaults.training();
        TranslationConfig config = defaults.withTraining(new TrainingConfig(epochs, t.batchSize(), t.learningRate(),
                t.patience(), t.clipNorm(), t.seed(), batches, 0));
        PairSplit split = PairSplit.of(config.data().load(t.seed()), config.validationFraction(), config.testFraction(), t.seed());
        long trainStart = System.nanoTime();
        Translator translator = Seq2SeqTrainer.train(config, split, null, false, null).translator();
        System.out.printf("model: %s, %d epoch(s) x %d batches of %d (%.0f s); max target length %d%n", config.label(), epochs,
                batches, t.batchSize(), (System.nanoTime() - trainStart) / 1e9, translator.config().maxTargetLength());
        List<String> test = Seq2SeqTrainer.translatableTest(config, split).stream().map(SentencePair::source).toList();
        List<String> sentences = test.subList(0, Math.min(count, test.size()));
        System.out.printf("test sentences: %d%n", sentences.size());
        Map<String, Supplier<List<Translation>>> ways = new LinkedHashMap<>();
        ways.put("greedy", () -> translator.translate(sentences, 1));
        ways.put("beam " + BEAM + " per sentence", () -> perSentence(translator, sentences));
        ways.put("beam " + BEAM + " batched", () -> translator.translate(sentences, BEAM));
        Map<String, double[]> rates = new LinkedHashMap<>();
        Map<String, List<Translation>> outputs = new LinkedHashMap<>();
        for (int run = 0; run < RUNS; run++) {
            for (Map.Entry<String, Supplier<List<Translation>>> way : ways.entrySet()) {
                long start = System.nanoTime();
                outputs.put(way.getKey(), way.getValue().get());
                rates.computeIfAbsent(way.getKey(), k -> new double[RUNS])[run] =
                        sentences.size() / ((System.nanoTime() - start) / 1e9);
            }
        }
        for (String way : ways.keySet()) {
            double[] sorted = rates.get(way).clone();
            Arrays.sort(sorted);
            List<Translation> out = outputs.get(way);
            System.out.printf("%-22s median %7.2f sentences/s (runs %s); cut at the limit %d; sum of log p %.4f%n", way,
                    sorted[RUNS / 2], Arrays.toString(Arrays.stream(rates.get(way)).map(r -> Math.round(r * 100) / 100.0).toArray()),
                    out.stream().filter(Translation::reachedLimit).count(),
                    out.stream().mapToDouble(Translation::logProbability).sum());
        }
        System.out.println("batched beam gives the per-sentence tokens: "
                + outputs.get("beam " + BEAM + " per sentence").stream().map(Translation::tokens).toList()
                .equals(outputs.get("beam " + BEAM + " batched").stream().map(Translation::tokens).toList()));
    }

    /** Beam search one sentence at a time, each group of equally long sentences encoded once. */
    private static List<Translation> perSentence(Translator translator, List<String> sentences) {
        Map<Integer, List<Integer>> byLength = new LinkedHashMap<>();
        List<int[]> encoded = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            encoded.add(translator.codec().encodeSource(sentences.get(i)));
            byLength.computeIfAbsent(encoded.get(i).length, k -> new ArrayList<>()).add(i);
        }
        Translation[] out = new Translation[sentences.size()];
        for (List<Integer> group : byLength.values()) {
            EncodedSource source = translator.encode(group.stream().map(encoded::get).toList());
            for (int g = 0; g < group.size(); g++) {
                out[group.get(g)] = PerSentenceBeamSearch.beam(translator.decoder(), translator.codec(), source, g, BEAM,
                        translator.config().lengthPenalty());
            }
        }
        return List.of(out);
    }
}
