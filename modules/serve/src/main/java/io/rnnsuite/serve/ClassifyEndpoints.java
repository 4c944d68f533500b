package io.rnnsuite.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rnnsuite.common.io.Json;
import io.rnnsuite.common.text.Vocabulary;
import io.rnnsuite.common.text.WordTokenizer;
import io.rnnsuite.textclf.TextClassificationApp;
import io.rnnsuite.textclf.TextClassificationConfig;
import io.rnnsuite.textclf.model.ClassifierModel;
import io.rnnsuite.textclf.model.RecurrentTextClassifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The classifier's playground: {@code classify} gives every class's probability and, for each
 * word, its influence by occlusion: how much the predicted class's probability drops when that
 * word alone is left out (negative: the word spoke against the prediction).
 */
final class ClassifyEndpoints implements AppEndpoints {

    /** Words scored by occlusion; a longer text is classified but only its first words are scored. */
    static final int MAX_OCCLUDED_WORDS = 100;

    @Override
    public boolean serves(ServedModel<?, ?> model) {
        return model.app() instanceof TextClassificationApp;
    }

    @Override
    public List<String> actions() {
        return List.of("classify");
    }

    @SuppressWarnings("unchecked")
    private static ServedModel<TextClassificationConfig, ClassifierModel> typed(ServedModel<?, ?> model) {
        return (ServedModel<TextClassificationConfig, ClassifierModel>) model;
    }

    @Override
    public ObjectNode describe(ServedModel<?, ?> model) {
        ObjectNode out = Responses.object();
        ArrayNode labels = out.putArray("labels");
        typed(model).read(m -> m.classifier().labels()).forEach(labels::add);
        out.put("example", example(typed(model).read(m -> m.classifier().vocabulary())));
        return out;
    }

    /** A few of the commonest words of the vocabulary: a text every model can read. */
    private static String example(Vocabulary vocabulary) {
        List<String> words = new ArrayList<>();
        for (String token : vocabulary.tokens()) {
            if (!token.startsWith("<") && words.size() < 6) {
                words.add(token);
            }
        }
        return String.join(" ", words);
    }

    @Override
    public List<BenchRequest> benchRequests(ServedModel<?, ?> model) {
        String text = Json.MAPPER.valueToTree(example(typed(model).read(m -> m.classifier().vocabulary()))).toString();
        return List.of(new BenchRequest("classify", "{\"text\":" + text + "}"));
    }

    @Override
    public void handle(String action, Request request, ServedModel<?, ?> model) throws Exception {
        if (!action.equals("classify")) {
            throw HttpError.notFound("no action '" + action + "' for a text classifier");
        }
        String text = request.text("text");
        List<String> words = new WordTokenizer().tokenize(text);
        if (words.isEmpty()) {
            throw HttpError.badRequest("field 'text' holds no words");
        }
        int occluded = words.size() > 1 ? Math.min(words.size(), MAX_OCCLUDED_WORDS) : 0;
        List<String> texts = new ArrayList<>();
        texts.add(text);
        for (int i = 0; i < occluded; i++) {
            List<String> rest = new ArrayList<>(words);
            rest.remove(i);
            texts.add(String.join(" ", rest));
        }
        ObjectNode out = typed(model).use(request.limits().modelWait(), m -> {
            RecurrentTextClassifier classifier = m.classifier();
            double[][] p = classifier.probabilities(texts);
            int predicted = argmax(p[0]);
            ObjectNode answer = Responses.object();
            answer.put("predicted", classifier.labels().get(predicted));
            ArrayNode classes = answer.putArray("classes");
            for (int c = 0; c < p[0].length; c++) {
                classes.addObject().put("label", classifier.labels().get(c)).put("probability", p[0][c]);
            }
            ArrayNode influence = answer.putArray("words");
            Vocabulary vocabulary = classifier.vocabulary();
            for (int i = 0; i < words.size(); i++) {
                ObjectNode word = influence.addObject().put("word", words.get(i)).put("known", vocabulary.contains(words.get(i)));
                if (i < occluded) {
                    word.put("influence", p[0][predicted] - p[i + 1][predicted]);
                } else {
                    word.putNull("influence");
                }
            }
            return answer;
        });
        Responses.json(request.exchange(), 200, out);
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }
}
