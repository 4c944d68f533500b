package io.rnnsuite.speech.baseline;

import io.rnnsuite.speech.data.SpeechData;
import io.rnnsuite.speech.data.Utterance;
import io.rnnsuite.speech.model.Recognizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Always gives the same answer, learned from the training split: the most frequent word
 * (isolated), or the most frequent digit repeated the median training length (connected).
 */
public final class MajorityBaseline implements Recognizer {

    private final String answer;

    private MajorityBaseline(String answer) {
        this.answer = answer;
    }

    public static MajorityBaseline fit(SpeechData data) {
        Map<String, Integer> counts = new HashMap<>();
        List<Integer> lengths = new ArrayList<>();
        for (Utterance u : data.train()) {
            if (data.connected()) {
                for (String word : u.text().split(" ")) {
                    counts.merge(word, 1, Integer::sum);
                }
                lengths.add(u.text().split(" ").length);
            } else {
                counts.merge(u.text(), 1, Integer::sum);
            }
        }
        String best = counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                        java.util.Comparator.reverseOrder())))
                .orElseThrow().getKey();
        if (!data.connected()) {
            return new MajorityBaseline(best);
        }
        Collections.sort(lengths);
        int median = lengths.get(lengths.size() / 2);
        return new MajorityBaseline(String.join(" ", Collections.nCopies(median, best)));
    }

    @Override
    public String name() {
        return "majority";
    }

    @Override
    public List<String> recognise(List<Utterance> utterances) {
        return Collections.nCopies(utterances.size(), answer);
    }
}
