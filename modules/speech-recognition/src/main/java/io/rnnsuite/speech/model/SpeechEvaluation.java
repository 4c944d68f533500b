package io.rnnsuite.speech.model;

import io.rnnsuite.common.app.Evaluation;
import io.rnnsuite.common.eval.ClassificationMetrics;
import io.rnnsuite.speech.ctc.ErrorRates;
import io.rnnsuite.speech.data.SpeechData;
import io.rnnsuite.speech.data.Utterance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a {@link Recognizer} on the test split the same way for models and baselines: word error
 * rate first (for isolated words it is 1 − accuracy), then accuracy and macro-F1 (isolated) or
 * character error rate and sentence accuracy (connected), then the headline score per noise
 * condition ({@code accuracy_clean}, {@code wer_snr10}, …).
 */
public final class SpeechEvaluation {

    private SpeechEvaluation() {
    }

    public static Evaluation of(Recognizer recognizer, boolean baseline, SpeechData data) {
        List<Utterance> test = data.test();
        List<String> hypotheses = recognizer.recognise(test);
        Map<String, Double> metrics = new LinkedHashMap<>();
        String detail = null;
        List<String> conditions = test.stream().map(Utterance::condition).distinct().toList();
        if (data.connected()) {
            ErrorRates.Tally all = tally(test, hypotheses, null);
            metrics.put("wer", all.wer());
            metrics.put("cer", all.cer());
            metrics.put("sentence_accuracy", all.sentenceAccuracy());
            for (String c : conditions) {
                metrics.put("wer_" + c, tally(test, hypotheses, c).wer());
            }
        } else {
            int[] actual = new int[test.size()];
            int[] predicted = new int[test.size()];
            for (int i = 0; i < test.size(); i++) {
                actual[i] = test.get(i).label();
                predicted[i] = Math.max(0, data.vocabulary().indexOf(hypotheses.get(i)));
            }
            ClassificationMetrics m = ClassificationMetrics.of(actual, predicted, data.vocabulary());
            metrics.put("wer", 1 - m.accuracy());
            metrics.put("accuracy", m.accuracy());
            metrics.put("macro_f1", m.macroF1());
            for (String c : conditions) {
                int right = 0;
                int total = 0;
                for (int i = 0; i < test.size(); i++) {
                    if (test.get(i).condition().equals(c)) {
                        total++;
                        right += actual[i] == predicted[i] ? 1 : 0;
                    }
                }
                metrics.put("accuracy_" + c, right / (double) total);
            }
            detail = recognizer.name() + " on " + test.size() + " test utterances (rows actual, columns predicted):\n"
                    + m.confusionText();
        }
        return new Evaluation(recognizer.name(), baseline, metrics, detail);
    }

    private static ErrorRates.Tally tally(List<Utterance> test, List<String> hypotheses, String condition) {
        ErrorRates.Tally tally = new ErrorRates.Tally();
        for (int i = 0; i < test.size(); i++) {
            if (condition == null || test.get(i).condition().equals(condition)) {
                tally.add(test.get(i).text(), hypotheses.get(i));
            }
        }
        return tally;
    }

    /** The conditions of the test split, in order of first appearance. */
    public static List<String> conditions(SpeechData data) {
        return new ArrayList<>(data.test().stream().map(Utterance::condition).distinct().toList());
    }
}
