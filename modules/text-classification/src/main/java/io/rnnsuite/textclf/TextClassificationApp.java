package io.rnnsuite.textclf;

import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.app.AppInfo;
import io.rnnsuite.common.app.AppOptions;
import io.rnnsuite.common.app.CompareExtras;
import io.rnnsuite.common.app.CompareRun;
import io.rnnsuite.common.app.DataSummary;
import io.rnnsuite.common.app.Evaluation;
import io.rnnsuite.common.app.LengthBreakdown;
import io.rnnsuite.common.app.Metric;
import io.rnnsuite.common.app.RnnApp;
import io.rnnsuite.common.app.SectionResult;
import io.rnnsuite.common.app.TrainContext;
import io.rnnsuite.common.app.Trained;
import io.rnnsuite.common.eval.ClassificationMetrics;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.common.report.ConfusionMatrixChart;
import io.rnnsuite.common.report.MarkdownTable;
import io.rnnsuite.common.text.Vocabulary;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.datasets.TextCatalog;
import io.rnnsuite.textclf.baseline.BagOfWordsClassifier;
import io.rnnsuite.textclf.baseline.MajorityClassBaseline;
import io.rnnsuite.textclf.cli.ClassifyOptions;
import io.rnnsuite.textclf.cli.EvaluateCsvCommand;
import io.rnnsuite.textclf.cli.ExplainCommand;
import io.rnnsuite.textclf.data.DataSplit;
import io.rnnsuite.textclf.data.LabelledExample;
import io.rnnsuite.textclf.data.TextData;
import io.rnnsuite.textclf.data.TextSource;
import io.rnnsuite.textclf.embedding.EmbeddingSource;
import io.rnnsuite.textclf.model.AccuracyByLength;
import io.rnnsuite.textclf.model.Classifier;
import io.rnnsuite.textclf.model.ClassifierEvaluation;
import io.rnnsuite.textclf.model.ClassifierModel;
import io.rnnsuite.textclf.model.RecurrentTextClassifier;
import io.rnnsuite.textclf.model.TextClassifierTrainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Text classification on the app contract: labelled texts (a bundled corpus or the user's CSV/TSV)
 * → word embeddings → a recurrent stack with many-to-one pooling → softmax, beside a majority-class
 * and a TF-IDF bag-of-words baseline, ranked by test macro-F1.
 */
public class TextClassificationApp implements RnnApp<TextClassificationConfig, TextData, ClassifierModel> {

    /** The id recorded in run.json and checked when a model directory is opened. */
    public static final String ID = "text-classification";
    /** The test confusion matrix written beside a trained model. */
    public static final String CONFUSION_PNG = "confusion.png";
    /** The metric models are ranked by. */
    public static final Metric MACRO_F1 = new Metric("macro_f1", "test macro-F1", false);

    @Override
    public AppInfo info() {
        return new AppInfo("classify", ID, "Text classification",
                "Text classification with SimpleRnn / LSTM / GRU (one or both directions) over word embeddings.");
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public AppOptions<TextClassificationConfig> newOptions() {
        return new ClassifyOptions();
    }

    /** WordNet topics; the smaller gloss-sentiment corpus with {@code quick}. */
    @Override
    public TextClassificationConfig defaults(boolean quick) {
        return TextClassificationConfig.defaults(TextSource.bundled(
                quick ? TextCatalog.GLOSS_SENTIMENT : TextCatalog.WORDNET_TOPICS, false));
    }

    @Override
    public Class<TextClassificationConfig> configType() {
        return TextClassificationConfig.class;
    }

    @Override
    public TextData load(TextClassificationConfig config) {
        TextSource source = config.source();
        DataSplit split = source.split(config.validationFraction(), config.testFraction(), config.training().seed());
        return new TextData(split, source.sha256());
    }

    @Override
    public DataSummary describe(TextClassificationConfig config, TextData data) {
        DataSplit split = data.split();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("classes", split.labels().size());
        details.put("train", split.train().size());
        details.put("validation", split.validation().size());
        details.put("test", split.test().size());
        if (config.source().testCsv() != null) {
            details.put("test_file", config.source().testCsv().toString());
        }
        return new DataSummary(config.source().describe(), config.source().origin(), data.sha256(), details);
    }

    @Override
    public Trained<ClassifierModel> train(TextClassificationConfig config, TextData data, TrainContext context) {
        TextClassifierTrainer.Trained trained = TextClassifierTrainer.train(config, data.split(), context.outputDir(),
                context.resume(), context.progress());
        ClassifierModel model = new ClassifierModel(trained.classifier(), trained.embeddings(), trained.truncatedTexts(),
                data.split());
        // training Word2Vec or reading a vectors file is part of the model's training time
        return new Trained<>(model, trained.training(), trained.classifier().network().numParams(),
                trained.embeddings().seconds());
    }

    @Override
    public Evaluation evaluate(ClassifierModel model, TextData data) {
        DataSplit split = data.split();
        RecurrentTextClassifier classifier = model.classifier();
        if (!split.labels().equals(classifier.labels())) {
            throw new UserInputException("the data's labels " + split.labels() + " differ from the model's "
                    + classifier.labels());
        }
        int truncatedBefore = classifier.truncatedCount();
        ClassifierEvaluation e = ClassifierEvaluation.of(classifier, split, split.test());
        StringBuilder detail = new StringBuilder();
        if (model.embeddings() != null) {
            detail.append(model.embeddings().report()).append('\n');
        }
        detail.append(String.format(Locale.ROOT, "vocabulary: %d entries (min count %d, training split only)",
                classifier.vocabulary().size(), classifier.config().minCount()));
        if (model.trainedOn() != null) {
            detail.append(String.format(Locale.ROOT, "; %d training/validation texts truncated to %d tokens",
                    model.truncatedTexts(), classifier.config().maxLength()));
        }
        detail.append(String.format(Locale.ROOT, "%n%s on %d test texts (%d truncated):%n", classifier.name(),
                split.test().size(), classifier.truncatedCount() - truncatedBefore));
        detail.append(perClass(e.metrics())).append(e.metrics().confusionText());
        return new Evaluation(classifier.name(), false, metrics(e.metrics()), detail.toString());
    }

    /** Test accuracy by text length in tokens (1–5, 6–10, 11–15, 16–25, 26–40, >40), see {@link AccuracyByLength}. */
    @Override
    public LengthBreakdown byLength(ClassifierModel model, TextData data) {
        return AccuracyByLength.of(model.classifier(), data.split().test());
    }

    /** Accuracy and macro-F1, the scores every row of a table shows. */
    static Map<String, Double> metrics(ClassificationMetrics m) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", m.accuracy());
        metrics.put("macro_f1", m.macroF1());
        return metrics;
    }

    /** Precision, recall, F1 and support of every class, as text. */
    public static String perClass(ClassificationMetrics m) {
        MarkdownTable table = new MarkdownTable("class", "precision", "recall", "F1", "support");
        for (ClassificationMetrics.ClassScores s : m.perClass()) {
            table.row(s.label(), s.precision(), s.recall(), s.f1(), s.support());
        }
        return table.toText();
    }

    @Override
    public List<Evaluation> baselines(TextClassificationConfig config, TextData data) {
        DataSplit split = data.split();
        int[] trainLabels = split.labelIndices(split.train());
        List<String> trainTexts = split.train().stream().map(LabelledExample::text).toList();
        Vocabulary vocabulary = TextClassifierTrainer.vocabulary(split.train(), config);
        List<Classifier> baselines = List.of(new MajorityClassBaseline(split.labels(), trainLabels),
                BagOfWordsClassifier.fit(trainTexts, trainLabels, split.labels(), vocabulary,
                        BagOfWordsClassifier.Settings.defaults(config.training().seed())));
        List<Evaluation> out = new ArrayList<>();
        for (Classifier baseline : baselines) {
            out.add(new Evaluation(baseline.name(), true,
                    metrics(ClassifierEvaluation.of(baseline, split, split.test()).metrics())));
        }
        return out;
    }

    @Override
    public Metric primaryMetric() {
        return MACRO_F1;
    }

    /** The network, vocabulary and labels, and the test confusion matrix as a PNG. */
    @Override
    public void save(ClassifierModel model, ModelDirectory dir) throws IOException {
        model.classifier().save(dir);
        if (model.trainedOn() != null) {
            DataSplit split = model.trainedOn();
            ClassifierEvaluation test = ClassifierEvaluation.of(model.classifier(), split, split.test());
            ConfusionMatrixChart.write(test.metrics(), "test confusion: " + model.classifier().name() + " on "
                    + model.classifier().config().source().describe(), dir.file(CONFUSION_PNG));
        }
    }

    @Override
    public ClassifierModel load(TextClassificationConfig config, ModelDirectory dir) {
        return ClassifierModel.loaded(RecurrentTextClassifier.load(dir, config));
    }

    /** One line per text: {@code label<TAB>label=p label=p ...}, classes in model order. */
    @Override
    public List<String> predict(ClassifierModel model, List<String> inputs) {
        if (inputs.isEmpty()) {
            throw new UserInputException("no texts to classify: give them as arguments, or '-' to read one per line "
                    + "from standard input");
        }
        RecurrentTextClassifier classifier = model.classifier();
        double[][] probabilities = classifier.probabilities(inputs);
        List<String> lines = new ArrayList<>(inputs.size());
        for (double[] p : probabilities) {
            lines.add(format(classifier.labels(), p));
        }
        return lines;
    }

    /** {@code label<TAB>label=p label=p ...}: the most probable class, then every class's probability. */
    public static String format(List<String> labels, double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        StringBuilder sb = new StringBuilder(labels.get(best)).append('\t');
        for (int c = 0; c < p.length; c++) {
            sb.append(c == 0 ? "" : " ").append(String.format(Locale.ROOT, "%s=%.4f", labels.get(c), p[c]));
        }
        return sb.toString();
    }

    @Override
    public String setup(TextClassificationConfig config, DataSummary data) {
        TextSource source = config.source();
        String split = source.testCsv() != null
                ? String.format(Locale.ROOT, "test texts from %s; the rest split stratified and seeded (seed %d), "
                        + "%.0f %% of each class for validation", source.testCsv(), config.training().seed(),
                        100 * config.validationFraction())
                : String.format(Locale.ROOT, "stratified, seeded (seed %d) split: %.0f %% of each class for validation, "
                        + "%.0f %% for test", config.training().seed(), 100 * config.validationFraction(),
                        100 * config.testFraction());
        String embeddings = config.embeddings().kind() == EmbeddingSource.Kind.LEARNED
                ? config.embeddingSize() + "-wide learned word vectors"
                : config.embeddingSize() + "-wide word vectors started from " + config.embeddings().label();
        return String.format(Locale.ROOT, "%s (%s texts in %s classes); %s; vocabulary from the training split only "
                        + "(min count %d), texts cut to %d tokens; %s; pooling %s. Train s includes training Word2Vec or "
                        + "reading a vectors file. The majority class and a TF-IDF bag-of-words softmax are scored by "
                        + "the same code; models are ranked by test macro-F1 (the mean of the per-class F1 scores, "
                        + "so small classes count as much as large ones).",
                data.name(), count(data, "train", "validation", "test"), data.details().get("classes"), split,
                config.minCount(), config.maxLength(), embeddings,
                config.pooling() == null ? "automatic (last, or mean for one bidirectional layer)"
                        : config.pooling().name().toLowerCase(Locale.ROOT));
    }

    private static String count(DataSummary data, String... keys) {
        long total = 0;
        for (String key : keys) {
            Object value = data.details().get(key);
            total += value instanceof Number n ? n.longValue() : 0;
        }
        return String.format(Locale.ROOT, "%,d", total);
    }

    /** The best model's test confusion matrix, as a PNG and as text. */
    @Override
    public CompareExtras compareExtras(TextClassificationConfig config, TextData data,
                                       List<CompareRun.Compared<ClassifierModel>> models, Path dir) throws IOException {
        if (models.isEmpty()) {
            return CompareExtras.NONE;
        }
        CompareRun.Row bestRow = CompareRun.best(models.stream().map(CompareRun.Compared::row).toList(), MACRO_F1);
        ClassifierModel best = models.stream().filter(m -> m.row() == bestRow).findFirst().orElseThrow().model();
        DataSplit split = data.split();
        ClassificationMetrics metrics = ClassifierEvaluation.of(best.classifier(), split, split.test()).metrics();
        Path png = dir.resolve(CONFUSION_PNG);
        ConfusionMatrixChart.write(metrics, "test confusion: " + bestRow.model() + " on " + config.source().describe(), png);
        return new CompareExtras(
                List.of(new SectionResult.Titled<>("test confusion matrix of the best model, " + bestRow.model(), png)),
                List.of(new SectionResult.Titled<>("test confusion of " + bestRow.model() + " (rows actual, columns predicted)",
                        metrics.confusionText())));
    }

    @Override
    public List<Object> extraCommands() {
        return List.of(new EvaluateCsvCommand(this), new ExplainCommand(this));
    }
}
