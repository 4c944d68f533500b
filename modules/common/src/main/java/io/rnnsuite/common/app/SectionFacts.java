package io.rnnsuite.common.app;

import io.rnnsuite.common.stats.SeedComparison;
import java.util.List;
import java.util.Map;

/**
 * What one compare section measured about the cells, for the page's textbook table (memory,
 * gradients, stability, cost, application fit). Every map is keyed by model label
 * ({@code simple_rnn}, {@code lstm}, ...); a section leaves empty what it does not measure.
 *
 * @param app                the section's app
 * @param dataset            the dataset these facts are about
 * @param metric             the headline metric's label
 * @param bestAtEqualTime    the model with the lowest validation loss when every model has trained
 *                           as long as the shortest-trained one (mean over seeds); null if unknown
 * @param bestAtEqualUpdates the same at the smallest number of updates any model made
 * @param bestByMetric       the best model by the headline metric (mean over seeds)
 * @param verdicts           the pairwise tests (LSTM vs SimpleRnn, GRU vs LSTM, ...)
 * @param msPerUpdate        mean milliseconds per parameter update
 * @param parameters         trainable parameters
 * @param peakMiB            mean peak memory while training
 * @param seedSd             the headline metric's standard deviation over seeds
 * @param clippedShare       share of updates that gradient clipping changed
 * @param maxGradientNorm    largest gradient norm seen over all seeds
 * @param longestSolved      lab: the longest sequence length solved, by cell (0 = none)
 * @param gradientRatio      lab: gradient reaching the first step relative to the last, after training
 */
public record SectionFacts(String app, String dataset, String metric, String bestAtEqualTime, String bestAtEqualUpdates, String bestByMetric,
                           List<SeedComparison> verdicts, Map<String, Double> msPerUpdate, Map<String, Long> parameters,
                           Map<String, Double> peakMiB, Map<String, Double> seedSd, Map<String, Double> clippedShare,
                           Map<String, Double> maxGradientNorm, Map<String, Integer> longestSolved,
                           Map<String, Double> gradientRatio) {

    /** Facts of a section that measures only memory and gradients (the lab). */
    public static SectionFacts lab(String app, String dataset, Map<String, Integer> longestSolved,
                                   Map<String, Double> gradientRatio) {
        return new SectionFacts(app, dataset, "", null, null, null, List.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of(), longestSolved, gradientRatio);
    }
}
