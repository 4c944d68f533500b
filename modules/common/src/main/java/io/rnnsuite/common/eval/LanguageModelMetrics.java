package io.rnnsuite.common.eval;

/**
 * How well a language model predicts held-out text, from the total negative log-likelihood.
 *
 * @param crossEntropy mean negative log-likelihood per predicted symbol, in nats
 * @param perplexity   {@code exp(crossEntropy)}: the effective number of equally likely choices
 * @param bitsPerSymbol {@code crossEntropy / ln 2} (bits per character for character models)
 * @param symbols      how many symbols were predicted
 */
public record LanguageModelMetrics(double crossEntropy, double perplexity, double bitsPerSymbol, long symbols) {

    /** From the summed negative log-likelihood (nats) of {@code symbols} predictions. */
    public static LanguageModelMetrics fromTotalNats(double totalNats, long symbols) {
        if (symbols < 1) {
            throw new IllegalArgumentException("no symbols were predicted");
        }
        double ce = totalNats / symbols;
        return new LanguageModelMetrics(ce, Math.exp(ce), ce / Math.log(2), symbols);
    }
}
