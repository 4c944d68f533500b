package io.rnnsuite.charlm.cli;

import io.rnnsuite.common.cli.Ranges;
import io.rnnsuite.charlm.CharLmConfig;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.app.AppOptions;
import io.rnnsuite.common.train.TrainingConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The char-lm flags beside the shared recurrent, training and run flags: which text, and the
 * sequence, truncated-BPTT and vocabulary settings; defaults from {@link CharLmConfig#defaults()}.
 */
public final class CharLmOptions implements AppOptions<CharLmConfig> {

    private static final CharLmConfig DEFAULTS = CharLmConfig.defaults();

    @Option(names = "--corpus", paramLabel = "NAME",
            description = "Bundled corpus: europarl-en or java-source (default: ${DEFAULT-VALUE}).")
    String corpus = DEFAULTS.corpus();

    @Option(names = "--text", paramLabel = "FILE",
            description = "Your own UTF-8 text file instead of --corpus (default: none).")
    Path text;

    @Option(names = "--sequence-length", converter = Ranges.AtLeastOne.class, paramLabel = "N", description = "Characters per training sequence (default: ${DEFAULT-VALUE}).")
    int sequenceLength = DEFAULTS.sequenceLength();

    @Option(names = "--tbptt", converter = Ranges.AtLeastOne.class, paramLabel = "N",
            description = "Truncated-BPTT window (forward = backward); at most --sequence-length (default: ${DEFAULT-VALUE}).")
    int tbptt = DEFAULTS.tbpttLength();

    @Option(names = "--min-char-count", converter = Ranges.ZeroOrMore.class, paramLabel = "N",
            description = "Characters seen fewer times in the training part become UNK (default: ${DEFAULT-VALUE}).")
    int minCharCount = DEFAULTS.minCharCount();

    @Override
    public CharLmConfig toConfig(RecurrentSpec spec, TrainingConfig training) {
        // the absolute path goes to app-config.json, so evaluate finds the file from any working directory
        String file = text == null ? null : text.toAbsolutePath().normalize().toString();
        return new CharLmConfig(corpus, file, spec, sequenceLength, tbptt, minCharCount, DEFAULTS.validationFraction(),
                DEFAULTS.testFraction(), training);
    }
}
