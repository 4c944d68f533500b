package io.rnnsuite.charlm.cli;

import io.rnnsuite.charlm.CharLmEvaluation;
import io.rnnsuite.charlm.CharLmModel;
import io.rnnsuite.charlm.CorpusText;
import io.rnnsuite.charlm.NextCharModel;
import io.rnnsuite.charlm.PreparedCorpus;
import io.rnnsuite.common.report.MarkdownTable;
import io.rnnsuite.datasets.DatasetKind;
import io.rnnsuite.datasets.DatasetRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code charlm evaluate}: a saved model and the baselines on the validation and test parts of its corpus. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score a saved model beside unigram and n-gram baselines (bits per character, perplexity).")
public final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "DIR", required = true, description = "A directory written by 'charlm train'.")
    Path modelDir;

    @Option(names = "--text", paramLabel = "FILE",
            description = "Score this UTF-8 file's split instead of the corpus the model was trained on (default: none).")
    Path text;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CharLmModel model = CharLmModel.load(modelDir);
        PreparedCorpus corpus = PreparedCorpus.prepare(corpusOf(model), model.config(), model.vocabulary());
        List<NextCharModel> models = new ArrayList<>();
        models.add(model.asNextCharModel());
        models.addAll(CharLmEvaluation.baselines(corpus));
        MarkdownTable table = new MarkdownTable("model", "val nats/char", "val bpc", "test nats/char", "test bpc", "test perplexity");
        for (NextCharModel m : models) {
            CharLmEvaluation e = CharLmEvaluation.of(m, corpus);
            table.row(e.model(), e.validation().crossEntropy(), e.validation().bitsPerSymbol(), e.test().crossEntropy(),
                    e.test().bitsPerSymbol(), e.test().perplexity());
        }
        spec.commandLine().getOut().print(table.toText());
        spec.commandLine().getOut().flush();
        return 0;
    }

    private CorpusText corpusOf(CharLmModel model) {
        if (text != null) {
            return CorpusText.file(text);
        }
        boolean bundled = DatasetRegistry.ofKind(DatasetKind.CHARACTER_CORPUS).stream()
                .anyMatch(d -> d.name().equals(model.source()));
        return bundled ? CorpusText.bundled(model.source()) : CorpusText.file(Path.of(model.source()));
    }
}
