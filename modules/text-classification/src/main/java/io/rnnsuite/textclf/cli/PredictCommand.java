package io.rnnsuite.textclf.cli;

import io.rnnsuite.textclf.model.RecurrentTextClassifier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code classify predict}: label and class probabilities for texts given as arguments or on stdin. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Print the predicted label and every class probability, one line per text.")
public final class PredictCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "DIR", required = true, description = "Model directory written by 'classify train'.")
    java.nio.file.Path modelDir;

    @Parameters(paramLabel = "TEXT", arity = "0..*",
            description = "Texts to classify; none = read one text per line from standard input.")
    List<String> texts = new ArrayList<>();

    @Override
    public Integer call() {
        RecurrentTextClassifier classifier = RecurrentTextClassifier.load(modelDir);
        List<String> inputs = texts.isEmpty() ? readStdin() : texts;
        if (inputs.isEmpty()) {
            throw new io.rnnsuite.common.UserInputException("no texts to classify: give them as arguments or one per line on stdin");
        }
        double[][] probabilities = classifier.probabilities(inputs);
        for (int i = 0; i < inputs.size(); i++) {
            System.out.println(format(classifier.labels(), probabilities[i]));
        }
        if (classifier.truncatedCount() > 0) {
            System.err.printf(Locale.ROOT, "note: %d text(s) longer than %d tokens were truncated%n",
                    classifier.truncatedCount(), classifier.config().maxLength());
        }
        return 0;
    }

    /** {@code label<TAB>label=p label=p ...}, classes in model order. */
    static String format(List<String> labels, double[] p) {
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

    private static List<String> readStdin() {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
        return lines;
    }
}
