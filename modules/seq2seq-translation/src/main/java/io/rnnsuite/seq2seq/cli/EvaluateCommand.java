package io.rnnsuite.seq2seq.cli;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.seq2seq.TrainRun;
import io.rnnsuite.seq2seq.data.PairSource;
import io.rnnsuite.seq2seq.model.TranslationEvaluation;
import io.rnnsuite.seq2seq.model.Translator;
import io.rnnsuite.seq2seq.report.AttentionHeatMap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code translate evaluate}: re-score a saved model on its test split, greedy or with a beam; for an
 * attention model, also draw the attention heat map of a few test sentences.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Exact match, BLEU and chrF of a saved model on the test split it was trained beside.")
public final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "DIR", required = true, description = "Model directory written by 'translate train'.")
    Path modelDir;

    @Option(names = "--beam", paramLabel = "K", description = "Beam width, 1 = greedy (default: ${DEFAULT-VALUE}).")
    int beam = 1;

    @Option(names = "--heat-map", paramLabel = "FILE",
            description = "Attention models: where the heat-map PNG goes (default: " + AttentionHeatMap.FILE_NAME + " in the model directory).")
    Path heatMap;

    @Override
    public Integer call() {
        Translator translator = Translator.load(modelDir);
        PairSource source = ModelDirectory.open(modelDir, Translator.APP).readJson(TrainRun.SOURCE_FILE, PairSource.class);
        TranslationEvaluation evaluation = TranslationEvaluation.of(translator,
                TrainRun.testSplitOf(translator, source).test(), beam);
        System.out.println("model: " + translator.config().label() + " trained on " + source.describe());
        TrainRun.print(evaluation, System.out);
        if (translator.config().attention()) {
            Path png = heatMap != null ? heatMap : modelDir.resolve(AttentionHeatMap.FILE_NAME);
            try {
                AttentionHeatMap.write(translator, evaluation.pairs(), png);
            } catch (IOException e) {
                throw new UserInputException("cannot write the attention heat map " + png + ": " + e.getMessage());
            }
            System.out.println("attention heat map of " + AttentionHeatMap.SENTENCES + " test sentences written to " + png);
        }
        return 0;
    }
}
