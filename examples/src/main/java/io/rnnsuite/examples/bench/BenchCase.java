package io.rnnsuite.examples.bench;

import io.rnnsuite.charlm.CharLmConfig;
import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentImpl;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.forecast.ForecastConfig;
import io.rnnsuite.seq2seq.TranslationConfig;
import io.rnnsuite.textclf.TextClassificationConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One benchmark shape: a recurrent stack of {@code layers} layers of {@code hidden} units (per
 * direction) reading {@code batch} sequences of {@code steps} time steps with {@code inputs}
 * features each.
 *
 * <p>Written on the command line as a built-in name ({@link #builtIns()}) or as
 * {@code [name=]variant:BxTxIxH[xLAYERS]}, for example {@code bilstm:64x100x128x128} or
 * {@code deep=lstm:32x50x77x200x2}; {@code variant} is {@code simple_rnn}, {@code lstm}, {@code gru}
 * or one of them prefixed with {@code bi}. {@code scripts/bench/pytorch_reference.py} reads the same
 * syntax and has the same built-ins.
 *
 * @param name          what tables call it
 * @param cell          the recurrent cell
 * @param bidirectional every layer reads both ways (outputs concatenated)
 * @param layers        stacked recurrent layers
 * @param batch         sequences per batch (B)
 * @param steps         time steps per sequence (T)
 * @param inputs        features per time step (I)
 * @param hidden        units per direction and layer (H)
 */
public record BenchCase(String name, CellType cell, boolean bidirectional, int layers, int batch, int steps, int inputs,
                        int hidden) {

    private static final Pattern SPEC = Pattern.compile(
            "(?:([A-Za-z0-9_.:-]+)=)?([A-Za-z_]+):(\\d+)x(\\d+)x(\\d+)x(\\d+)(?:x(\\d+))?");

    public BenchCase {
        if (batch < 1 || steps < 1 || inputs < 1 || hidden < 1 || layers < 1) {
            throw new UserInputException("case '" + name + "': batch, steps, inputs, hidden and layers must be at least 1");
        }
    }

    /**
     * The built-in cases, in table order: the shapes measured in docs/dl4j-facts.md, the GRU at the
     * first shape, then each app's default configuration (cell, size and depth read from the app's
     * config record; the data-dependent sizes stated beside each).
     */
    public static List<BenchCase> builtIns() {
        List<BenchCase> cases = new ArrayList<>(List.of(
                parse("lstm-h128=lstm:64x100x128x128"),
                parse("lstm2-h200=lstm:32x50x77x200x2"),
                parse("lstm-h512=lstm:64x100x512x512"),
                parse("bilstm-h128=bilstm:64x100x128x128"),
                parse("rnn-h512=simple_rnn:64x100x512x512"),
                parse("gru-h128=gru:64x100x128x128")));
        // forecast: the default series airpassengers (season 12, so a lookback of 24), univariate;
        // its ~60 training windows give the automatic batch size's lower bound
        ForecastConfig forecast = ForecastConfig.defaults("airpassengers").resolve(12, null);
        cases.add(of("app-forecast", forecast.recurrent(), ForecastConfig.autoBatchSize(60), forecast.lookback(), 1));
        // text classification: learned word vectors feed the recurrent layer; texts padded to at most maxLength
        TextClassificationConfig classify = TextClassificationConfig.defaults();
        cases.add(of("app-classify", classify.recurrent(), classify.training().batchSize(), classify.maxLength(),
                classify.embeddingSize()));
        // char-lm: one-hot characters of europarl-en (vocabulary 108, docs/results/char-lm.md); one
        // update sees one truncated-BPTT window
        CharLmConfig charLm = CharLmConfig.defaults();
        cases.add(of("app-charlm", charLm.recurrentSpec(), TrainingConfig.defaults().batchSize(), charLm.tbpttLength(), 108));
        // seq2seq encoder: one-hot source characters of numbers-en-fr (vocabulary 22), at the length cap
        TranslationConfig translation = TranslationConfig.defaults();
        cases.add(of("app-seq2seq-encoder", translation.encoder(), translation.training().batchSize(),
                translation.maxSourceLength(), 22));
        return cases;
    }

    private static BenchCase of(String name, RecurrentSpec spec, int batch, int steps, int inputs) {
        return new BenchCase(name, spec.cell(), spec.bidirectional(), spec.layers(), batch, steps, inputs, spec.hiddenSize());
    }

    /** A built-in name or a {@code [name=]variant:BxTxIxH[xLAYERS]} spec (see the class comment). */
    public static BenchCase parse(String token) {
        String text = token == null ? "" : token.trim();
        for (BenchCase builtIn : text.contains(":") ? List.<BenchCase>of() : builtIns()) {
            if (builtIn.name.equalsIgnoreCase(text)) {
                return builtIn;
            }
        }
        Matcher m = SPEC.matcher(text);
        if (!m.matches()) {
            throw new UserInputException("unknown benchmark case '" + token + "': expected a built-in name ("
                    + String.join(", ", builtIns().stream().map(BenchCase::name).toList())
                    + ") or [name=]variant:BxTxIxH[xLAYERS], e.g. bilstm:64x100x128x128");
        }
        RecurrentSpec variant = RecurrentSpec.parseVariant(m.group(2), 1, 1, 0.0);
        int layers = m.group(7) == null ? 1 : Integer.parseInt(m.group(7));
        BenchCase parsed = new BenchCase("", variant.cell(), variant.bidirectional(), layers, Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)));
        return parsed.named(m.group(1) != null ? m.group(1) : parsed.spec());
    }

    /** The same shape under another name. */
    public BenchCase named(String newName) {
        return new BenchCase(newName, cell, bidirectional, layers, batch, steps, inputs, hidden);
    }

    /** {@code bilstm}, {@code gru}, {@code simple_rnn}. */
    public String variant() {
        return (bidirectional ? "bi" : "") + cell.cliName();
    }

    /** The canonical {@code variant:BxTxIxH[xLAYERS]} text. */
    public String spec() {
        return String.format(Locale.ROOT, "%s:%dx%dx%dx%d%s", variant(), batch, steps, inputs, hidden,
                layers > 1 ? "x" + layers : "");
    }

    /** {@code name=spec}, which {@link #parse} reads back to this case. */
    public String token() {
        return name + "=" + spec();
    }

    /** The recurrent part, no dropout, built with {@code impl}. */
    public RecurrentSpec recurrentSpec(RecurrentImpl impl) {
        return new RecurrentSpec(cell, hidden, layers, bidirectional, 0.0, impl);
    }

    /** Width of what the last recurrent layer emits per step. */
    public int outputSize() {
        return bidirectional ? 2 * hidden : hidden;
    }

    /** Matrix-product FLOPs of one forward pass over the batch (see {@link RecurrentFlops}). */
    public double forwardFlopsPerBatch() {
        return RecurrentFlops.forwardPerBatch(this);
    }
}
