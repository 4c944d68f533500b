package io.rnnsuite.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rnnsuite.common.io.Json;
import io.rnnsuite.datasets.SentencePair;
import io.rnnsuite.seq2seq.TranslateApp;
import io.rnnsuite.seq2seq.TranslationConfig;
import io.rnnsuite.seq2seq.model.AttentionMap;
import io.rnnsuite.seq2seq.model.Translation;
import io.rnnsuite.seq2seq.model.TranslationEvaluation;
import io.rnnsuite.seq2seq.model.Translator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The translator's playground: {@code translate} gives the greedy translation and the beam
 * search's, each with its log-probability, and, for a model with attention, the attention weights
 * of the greedy translation (rows: output tokens, columns: source tokens).
 */
final class TranslateEndpoints implements AppEndpoints {

    /** Example sentences shown on the page, drawn from the model's own data source. */
    static final int EXAMPLES = 5;

    private final Map<String, List<String>> examples = new ConcurrentHashMap<>();

    @Override
    public boolean serves(ServedModel<?, ?> model) {
        return model.app() instanceof TranslateApp;
    }

    @Override
    public List<String> actions() {
        return List.of("translate");
    }

    @SuppressWarnings("unchecked")
    private static ServedModel<TranslationConfig, Translator> typed(ServedModel<?, ?> model) {
        return (ServedModel<TranslationConfig, Translator>) model;
    }

    @Override
    public ObjectNode describe(ServedModel<?, ?> model) {
        ObjectNode out = Responses.object();
        TranslationConfig config = typed(model).read(Translator::config);
        out.put("attention", config.attention());
        out.put("beam", Math.max(config.beamWidth(), 4));
        out.put("max_source_length", config.maxSourceLength());
        ArrayNode sentences = out.putArray("examples");
        examples(model).forEach(sentences::add);
        return out;
    }

    /** The last few pairs of the model's data that it can encode (generated data is regenerated; a file is re-read). */
    private List<String> examples(ServedModel<?, ?> served) {
        return examples.computeIfAbsent(served.name(), name -> {
            Translator translator = typed(served).read(t -> t);
            List<String> out = new ArrayList<>();
            try {
                List<SentencePair> pairs = translator.config().data().load(translator.config().training().seed());
                for (int i = pairs.size() - 1; i >= 0 && out.size() < EXAMPLES; i--) {
                    if (TranslationEvaluation.fits(translator, pairs.get(i))) {
                        out.add(pairs.get(i).source());
                    }
                }
            } catch (RuntimeException e) {
                // the pairs file has moved: the page simply shows no examples
            }
            return List.copyOf(out);
        });
    }

    @Override
    public List<BenchRequest> benchRequests(ServedModel<?, ?> model) {
        List<String> sentences = examples(model);
        if (sentences.isEmpty()) {
            return List.of();
        }
        String sentence = Json.MAPPER.valueToTree(sentences.get(0)).toString();
        return List.of(new BenchRequest("translate", "{\"sentence\":" + sentence + ",\"beam\":4}"));
    }

    @Override
    public void handle(String action, Request request, ServedModel<?, ?> model) throws Exception {
        if (!action.equals("translate")) {
            throw HttpError.notFound("no action '" + action + "' for a translation model");
        }
        String sentence = request.text("sentence").strip();
        if (sentence.isEmpty()) {
            throw HttpError.badRequest("field 'sentence' is empty: nothing to translate");
        }
        int beam = request.integer("beam", 4, 1, request.limits().maxBeamWidth());
        ObjectNode out = typed(model).use(request.limits().modelWait(), translator -> {
            ObjectNode answer = Responses.object();
            answer.put("source", sentence);
            answer.set("greedy", hypothesis(translator.translate(List.of(sentence), 1).get(0)));
            ObjectNode beamed = hypothesis(translator.translate(List.of(sentence), beam).get(0));
            beamed.put("width", beam);
            answer.set("beam", beamed);
            if (translator.config().attention()) {
                AttentionMap map = translator.attention(sentence);
                ObjectNode attention = answer.putObject("attention");
                map.sourceTokens().forEach(attention.putArray("source_tokens")::add);
                map.outputTokens().forEach(attention.putArray("output_tokens")::add);
                ArrayNode rows = attention.putArray("weights");
                for (double[] row : map.weights()) {
                    ArrayNode r = rows.addArray();
                    for (double w : row) {
                        r.add(Math.round(w * 1e4) / 1e4);
                    }
                }
            } else {
                answer.putNull("attention");
            }
            return answer;
        });
        Responses.json(request.exchange(), 200, out);
    }

    private static ObjectNode hypothesis(Translation t) {
        return Responses.object().put("text", t.text()).put("log_probability", t.logProbability())
                .put("reached_limit", t.reachedLimit());
    }
}
