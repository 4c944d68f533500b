package io.rnnsuite.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What an app answers beyond {@code POST /api/models/NAME/predict} (which every app has through
 * its {@code predict}): the char-LM's streamed sampling, autocomplete and explain view, per-word
 * influence for a classifier, greedy and beam translations with attention, forecasts with a chosen
 * horizon, recognised words for an uploaded or recorded WAV file.
 */
interface AppEndpoints {

    /**
     * A request the load benchmark sends: POST {@code body} as {@code contentType}.
     *
     * @param action      the action under {@code /api/models/NAME/}
     * @param contentType the body's type
     * @param body        the body's bytes
     */
    record BenchRequest(String action, String contentType, byte[] body) {

        /** A JSON body. */
        BenchRequest(String action, String json) {
            this(action, "application/json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Whether these endpoints are for {@code model}'s app. */
    boolean serves(ServedModel<?, ?> model);

    /** The actions under {@code /api/models/NAME/}, besides {@code predict}. */
    List<String> actions();

    /** Whether {@code action} is asked with GET (a stream, a page's data) rather than POST. */
    default boolean takesGet(String action) {
        return false;
    }

    /** Answers {@code action} for {@code model}; an unknown action is the caller's 404. */
    void handle(String action, Request request, ServedModel<?, ?> model) throws Exception;

    /** What the model's page needs to build its form (labels, horizon, characters, examples). */
    ObjectNode describe(ServedModel<?, ?> model);

    /**
     * Whether {@code predict} may be given inputs over HTTP. Inputs that name files on the server's
     * disk (forecasting's CSV files, recordings) a client must never choose; forecasting takes the
     * CSV's text through its own action instead.
     */
    default boolean predictTakesInputs(ServedModel<?, ?> model) {
        return !namesFiles(model.app().predictInput());
    }

    /** Whether an app's {@code predict} input label ({@code TEXT}, {@code CSV}, {@code FILE.wav}) stands for files. */
    static boolean namesFiles(String predictInput) {
        String label = predictInput == null ? "" : predictInput.toUpperCase(java.util.Locale.ROOT);
        return label.contains("FILE") || label.contains("CSV") || label.contains("PATH") || label.contains("DIR")
                || label.contains(".");
    }

    /** A typical request per action, valid for {@code model}, for the load benchmark. */
    List<BenchRequest> benchRequests(ServedModel<?, ?> model);

    /** Predict only: an app without endpoints of its own here. */
    AppEndpoints PREDICT_ONLY = new AppEndpoints() {
        @Override
        public boolean serves(ServedModel<?, ?> model) {
            return true;
        }

        @Override
        public List<String> actions() {
            return List.of();
        }

        @Override
        public void handle(String action, Request request, ServedModel<?, ?> model) {
            throw HttpError.notFound("no action '" + action + "' for model '" + model.name() + "'");
        }

        @Override
        public ObjectNode describe(ServedModel<?, ?> model) {
            return Responses.object();
        }

        @Override
        public List<BenchRequest> benchRequests(ServedModel<?, ?> model) {
            return List.of();
        }
    };

    /** The endpoints for {@code model}'s app. */
    static AppEndpoints of(ServedModel<?, ?> model) {
        for (AppEndpoints endpoints : List.of(new CharLmEndpoints(), new ClassifyEndpoints(), new TranslateEndpoints(),
                new ForecastEndpoints(), new SpeechEndpoints())) {
            if (endpoints.serves(model)) {
                return endpoints;
            }
        }
        return PREDICT_ONLY;
    }
}
