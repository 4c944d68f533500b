package io.rnnsuite.seq2seq.cli;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.seq2seq.model.Translation;
import io.rnnsuite.seq2seq.model.Translator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code translate predict}: translate sentences given as arguments or one per line on stdin. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Print the translation of every sentence, one line each.")
public final class PredictCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "DIR", required = true, description = "Model directory written by 'translate train'.")
    Path modelDir;

    @Option(names = "--beam", paramLabel = "K", description = "Beam width, 1 = greedy (default: ${DEFAULT-VALUE}).")
    int beam = 1;

    @Parameters(paramLabel = "SENTENCE", arity = "0..*",
            description = "Sentences to translate; none = read one sentence per line from standard input.")
    List<String> sentences = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> inputs = sentences.isEmpty() ? readStdin() : sentences;
        if (inputs.isEmpty()) {
            throw new UserInputException("no sentences to translate: give them as arguments or one per line on stdin");
        }
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).isBlank()) {
                throw new UserInputException("sentence " + (i + 1) + " is empty: nothing to translate");
            }
        }
        Translator translator = Translator.load(modelDir);
        List<Translation> translations = translator.translate(inputs, beam);
        int cut = 0;
        for (Translation t : translations) {
            System.out.println(t.text());
            cut += t.reachedLimit() ? 1 : 0;
        }
        if (cut > 0) {
            System.err.printf("note: %d translation(s) stopped at the maximum length of %d tokens%n", cut,
                    translator.config().maxTargetLength());
        }
        return 0;
    }

    private static List<String> readStdin() {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1); // a trailing newline is not an empty sentence
        }
        return lines;
    }
}
